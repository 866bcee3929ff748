package chengguan.account;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

	private final PasswordPolicy dengbao = new PasswordPolicy(8, 64, 3, Duration.ofDays(90));

	@Test
	void acceptsEightCharactersFromThreeClasses() {
		assertThat(dengbao.check("abcDEF12", "zhangsan")).isEmpty();
		assertThat(dengbao.check("abcdef1!", "zhangsan")).isEmpty();
	}

	@Test
	void refusesSevenCharactersEvenWithAllFourClasses() {
		assertThat(dengbao.check("aB3$xyz", "zhangsan")).extracting(PasswordPolicy.Violation::code)
			.containsExactly("password.tooShort");
	}

	@Test
	void refusesTwoCharacterClasses() {
		assertThat(dengbao.check("abcdefgh12345", "zhangsan")).extracting(PasswordPolicy.Violation::code)
			.containsExactly("password.tooSimple");
		assertThat(dengbao.check("ABCDEFGH!!!!", "zhangsan")).extracting(PasswordPolicy.Violation::code)
			.containsExactly("password.tooSimple");
	}

	@Test
	void refusesPasswordContainingTheUsernameInAnyCase() {
		assertThat(dengbao.check("Zhangsan#2026", "zhangsan")).extracting(PasswordPolicy.Violation::code)
			.containsExactly("password.containsUsername");
	}

	@Test
	void refusesEmptyAndOverlongPasswords() {
		assertThat(dengbao.check("", "u")).extracting(PasswordPolicy.Violation::code).containsExactly("password.empty");
		assertThat(dengbao.check("aB3$".repeat(17), "u")).extracting(PasswordPolicy.Violation::code)
			.containsExactly("password.tooLong");
	}

	@Test
	void refusesPasswordsOverSeventyTwoBytesOfUtf8() {
		// Aa1 and 25 Chinese characters: 28 characters, 78 bytes, more than BCrypt reads
		String password = "Aa1" + "城".repeat(25);
		assertThat(dengbao.check(password, "zhangsan")).extracting(PasswordPolicy.Violation::code)
			.containsExactly("password.tooManyBytes");
		assertThat(dengbao.check("Aa1" + "城".repeat(23), "zhangsan")).isEmpty(); // 72 bytes
	}

	@Test
	void refusesCommonPasswordsAlsoWithCapitalsOrPunctuationAdded() {
		assertThat(dengbao.check("Password1!", "zhangsan")).extracting(PasswordPolicy.Violation::code)
			.containsExactly("password.common");
		assertThat(dengbao.check("Admin@123", "zhangsan")).extracting(PasswordPolicy.Violation::code)
			.containsExactly("password.common");
		assertThat(dengbao.check("P@ssw0rd", "zhangsan")).extracting(PasswordPolicy.Violation::code)
			.containsExactly("password.common");
		assertThat(dengbao.check("Woaini1314!", "zhangsan")).extracting(PasswordPolicy.Violation::code)
			.containsExactly("password.common");
		assertThat(dengbao.check("Xingcheng#2026", "zhangsan")).isEmpty();
	}

	@Test
	void theCommonListHoldsTheTopTenThousandAndTheChineseOnes() {
		assertThat(CommonPasswords.passwords()).hasSizeGreaterThan(CommonPasswords.FROM_ZXCVBN)
			.contains("123456", "qwerty123", "5201314", "woaini1314", "qq123456");
	}

	@Test
	void countsCharacterClasses() {
		assertThat(PasswordPolicy.characterClasses("abc")).isEqualTo(1);
		assertThat(PasswordPolicy.characterClasses("aB")).isEqualTo(2);
		assertThat(PasswordPolicy.characterClasses("aB3")).isEqualTo(3);
		assertThat(PasswordPolicy.characterClasses("aB3城")).isEqualTo(4);
	}

	@Test
	void asvsProfileDropsCompositionAndRotation() {
		PasswordPolicy asvs = new PasswordPolicy(8, 64, 1, Duration.ZERO);
		assertThat(asvs.check("correcthorse", "u")).isEmpty();
		assertThat(asvs.isExpired(Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z")))
			.isFalse();
	}

	@Test
	void passwordExpiresAfterNinetyDays() {
		Instant changed = Instant.parse("2026-01-01T00:00:00Z");
		assertThat(dengbao.isExpired(changed, changed.plus(Duration.ofDays(90)).minusSeconds(1))).isFalse();
		assertThat(dengbao.isExpired(changed, changed.plus(Duration.ofDays(90)))).isTrue();
	}

}
