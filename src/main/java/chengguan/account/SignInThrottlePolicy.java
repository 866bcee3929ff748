package chengguan.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When failed sign-ins from one source address call for a CAPTCHA and then a block. Failures are counted per
 * (account name, address) and per address across names; never per account alone, so that nobody can lock a
 * colleague out from somewhere else. Each block lasts twice as long as the one before, up to
 * {@code maxBlockDuration}; a counter forgets everything after {@code window} without failures or blocks.
 */
@ConfigurationProperties("chengguan.security.sign-in-throttle")
public record SignInThrottlePolicy(Threshold perAccountAndAddress, Threshold perAddress, Duration window,
		Duration blockDuration, Duration maxBlockDuration, Duration challengeLifetime) {

	/** @param captchaAfter failures after which a CAPTCHA is asked for (the API, which cannot show one, answers 429) */
	public record Threshold(int captchaAfter, int blockAfter) {

		public Threshold {
			captchaAfter = Math.max(captchaAfter, 1);
			blockAfter = Math.max(blockAfter, captchaAfter);
		}

	}

	public SignInThrottlePolicy {
		perAccountAndAddress = perAccountAndAddress == null ? new Threshold(3, 10) : perAccountAndAddress;
		perAddress = perAddress == null ? new Threshold(10, 30) : perAddress;
		window = window == null ? Duration.ofMinutes(15) : window;
		blockDuration = blockDuration == null ? Duration.ofMinutes(15) : blockDuration;
		maxBlockDuration = maxBlockDuration == null ? Duration.ofHours(24) : maxBlockDuration;
		challengeLifetime = challengeLifetime == null ? Duration.ofMinutes(10) : challengeLifetime;
	}

}
