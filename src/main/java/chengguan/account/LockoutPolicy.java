package chengguan.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** After {@code maxFailedAttempts} wrong passwords in a row the account is locked for {@code lockDuration}. */
@ConfigurationProperties("chengguan.security.lockout")
public record LockoutPolicy(int maxFailedAttempts, Duration lockDuration) {

	public LockoutPolicy {
		maxFailedAttempts = maxFailedAttempts > 0 ? maxFailedAttempts : 5;
		lockDuration = lockDuration == null ? Duration.ofMinutes(15) : lockDuration;
	}

}
