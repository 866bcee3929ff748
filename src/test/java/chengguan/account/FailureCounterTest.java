package chengguan.account;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FailureCounterTest {

	private static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");

	private final SignInThrottlePolicy policy = new SignInThrottlePolicy(new SignInThrottlePolicy.Threshold(3, 10),
			new SignInThrottlePolicy.Threshold(10, 30), Duration.ofMinutes(15), Duration.ofMinutes(15),
			Duration.ofHours(24), Duration.ofMinutes(10));

	private final SignInThrottlePolicy.Threshold perName = policy.perAccountAndAddress();

	private FailureCounter failures(int n, Instant at) {
		FailureCounter counter = FailureCounter.NONE;
		for (int i = 0; i < n; i++) {
			counter = counter.fail(at, perName, policy);
		}
		return counter;
	}

	@Test
	void aCaptchaIsDueFromTheThirdFailureAndABlockFromTheTenth() {
		assertThat(failures(2, T0).challengeAt(T0, policy.window(), perName)).isFalse();
		assertThat(failures(3, T0).challengeAt(T0, policy.window(), perName)).isTrue();
		assertThat(failures(9, T0).blockedAt(T0)).isFalse();
		FailureCounter blocked = failures(10, T0);
		assertThat(blocked.blockedAt(T0.plus(Duration.ofMinutes(15)).minusSeconds(1))).isTrue();
		assertThat(blocked.blockedAt(T0.plus(Duration.ofMinutes(15)))).isFalse();
		assertThat(blocked.retryAfter(T0.plusSeconds(60), policy.window())).isEqualTo(Duration.ofMinutes(14));
	}

	@Test
	void failuresDuringABlockDoNotExtendIt() {
		FailureCounter blocked = failures(10, T0);
		FailureCounter later = blocked.fail(T0.plus(Duration.ofMinutes(10)), perName, policy);
		assertThat(later).isEqualTo(blocked);
	}

	@Test
	void afterABlockACaptchaIsStillDueAndTheNextBlockLastsTwiceAsLong() {
		Instant afterBlock = T0.plus(Duration.ofMinutes(16));
		FailureCounter counter = failures(10, T0);
		assertThat(counter.challengeAt(afterBlock, policy.window(), perName)).isTrue();
		for (int i = 0; i < 7; i++) {
			counter = counter.fail(afterBlock, perName, policy);
		}
		assertThat(counter.blocks()).isEqualTo(2);
		assertThat(counter.blockedUntil()).isEqualTo(afterBlock.plus(Duration.ofMinutes(30)));
	}

	@Test
	void blocksNeverExceedTheLongestConfigured() {
		FailureCounter counter = new FailureCounter(9, 30, T0, null);
		assertThat(counter.fail(T0, perName, policy).blockedUntil()).isEqualTo(T0.plus(Duration.ofHours(24)));
	}

	@Test
	void aQuietWindowForgetsEverything() {
		FailureCounter counter = failures(5, T0);
		Instant quiet = T0.plus(Duration.ofMinutes(15));
		assertThat(counter.at(quiet, policy.window())).isEqualTo(FailureCounter.NONE);
		assertThat(counter.fail(quiet, perName, policy).failures()).isEqualTo(1);
		// a block is quiet only a window after it ended
		FailureCounter blocked = failures(10, T0);
		assertThat(blocked.at(T0.plus(Duration.ofMinutes(29)), policy.window())).isEqualTo(blocked);
		assertThat(blocked.at(T0.plus(Duration.ofMinutes(30)), policy.window())).isEqualTo(FailureCounter.NONE);
	}

}
