package chengguan.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import chengguan.platform.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

class UserAccountLockoutTest {

	private static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");

	private final LockoutPolicy policy = new LockoutPolicy(5, Duration.ofMinutes(15));

	private UserAccount anAccount() {
		return UserAccount.create("liaison", "联络员", "hash", null, 1L, Set.of(Role.LIAISON), T0);
	}

	@Test
	void fourFailuresDoNotLock() {
		UserAccount account = anAccount();
		for (int i = 0; i < 4; i++) {
			account.recordFailedSignIn(T0.plusSeconds(i), policy);
		}
		assertThat(account.isLockedAt(T0.plusSeconds(5))).isFalse();
		assertThat(account.failedSignIns()).isEqualTo(4);
	}

	@Test
	void fifthFailureLocksForFifteenMinutes() {
		UserAccount account = anAccount();
		for (int i = 0; i < 5; i++) {
			account.recordFailedSignIn(T0, policy);
		}
		assertThat(account.isLockedAt(T0)).isTrue();
		assertThat(account.isLockedAt(T0.plus(Duration.ofMinutes(15)).minusSeconds(1))).isTrue();
		assertThat(account.isLockedAt(T0.plus(Duration.ofMinutes(15)))).isFalse();
	}

	@Test
	void failuresWhileLockedDoNotExtendTheLock() {
		UserAccount account = anAccount();
		for (int i = 0; i < 5; i++) {
			account.recordFailedSignIn(T0, policy);
		}
		account.recordFailedSignIn(T0.plus(Duration.ofMinutes(10)), policy);
		assertThat(account.lockedUntil()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
	}

	@Test
	void afterTheLockEndsCountingStartsAfresh() {
		UserAccount account = anAccount();
		for (int i = 0; i < 5; i++) {
			account.recordFailedSignIn(T0, policy);
		}
		Instant later = T0.plus(Duration.ofMinutes(16));
		account.recordFailedSignIn(later, policy);
		assertThat(account.isLockedAt(later)).isFalse();
		assertThat(account.failedSignIns()).isEqualTo(1);
	}

	@Test
	void successfulSignInClearsTheCount() {
		UserAccount account = anAccount();
		for (int i = 0; i < 4; i++) {
			account.recordFailedSignIn(T0, policy);
		}
		account.recordSignIn(T0.plusSeconds(1));
		account.recordFailedSignIn(T0.plusSeconds(2), policy);
		assertThat(account.failedSignIns()).isEqualTo(1);
		assertThat(account.isLockedAt(T0.plusSeconds(2))).isFalse();
	}

	@Test
	void newAccountsMustChangeTheirInitialPassword() {
		UserAccount account = anAccount();
		assertThat(account.mustChangePassword()).isTrue();
		account.changePassword("new-hash", T0.plusSeconds(60));
		assertThat(account.mustChangePassword()).isFalse();
		account.resetPassword("reset-hash", T0.plusSeconds(120));
		assertThat(account.mustChangePassword()).isTrue();
	}

}
