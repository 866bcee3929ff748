package chengguan.account;

import java.time.Duration;
import java.time.Instant;

/**
 * Failed sign-ins from one address (for one account name, or for all names): how many, and whether the address is
 * blocked. Immutable; {@link #fail} gives the counter after one more failure.
 */
record FailureCounter(int failures, int blocks, Instant lastFailureAt, Instant blockedUntil) {

	static final FailureCounter NONE = new FailureCounter(0, 0, null, null);

	/** The counter as it stands at {@code now}: after a quiet {@code window} it has forgotten everything. */
	FailureCounter at(Instant now, Duration window) {
		Instant lastEvent = lastEvent();
		return lastEvent == null || !now.isBefore(lastEvent.plus(window)) ? NONE : this;
	}

	boolean blockedAt(Instant now) {
		return blockedUntil != null && now.isBefore(blockedUntil);
	}

	boolean challengeAt(Instant now, Duration window, SignInThrottlePolicy.Threshold threshold) {
		return at(now, window).failures >= threshold.captchaAfter();
	}

	/** While blocked, until the block ends; while a CAPTCHA is due, until the counter forgets. */
	Duration retryAfter(Instant now, Duration window) {
		if (blockedAt(now)) {
			return Duration.between(now, blockedUntil);
		}
		Instant lastEvent = lastEvent();
		return lastEvent == null ? Duration.ZERO : Duration.between(now, lastEvent.plus(window));
	}

	/**
	 * One more failure. Reaching the block threshold blocks the address, and leaves the count at the CAPTCHA
	 * threshold: after the block a CAPTCHA is still due, and the next block comes sooner and lasts twice as long.
	 */
	FailureCounter fail(Instant now, SignInThrottlePolicy.Threshold threshold, SignInThrottlePolicy policy) {
		FailureCounter current = at(now, policy.window());
		if (current.blockedAt(now)) {
			return current; // attempts during a block are refused unread; one that raced past it does not extend it
		}
		int failures = current.failures + 1;
		if (failures < threshold.blockAfter()) {
			return new FailureCounter(failures, current.blocks, now, current.blockedUntil);
		}
		int blocks = current.blocks + 1;
		Duration length = policy.blockDuration().multipliedBy(1L << Math.min(blocks - 1, 20));
		if (length.compareTo(policy.maxBlockDuration()) > 0) {
			length = policy.maxBlockDuration();
		}
		return new FailureCounter(threshold.captchaAfter(), blocks, now, now.plus(length));
	}

	private Instant lastEvent() {
		if (blockedUntil != null && (lastFailureAt == null || blockedUntil.isAfter(lastFailureAt))) {
			return blockedUntil;
		}
		return lastFailureAt;
	}

}
