package chengguan.account;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Password rules. The defaults are the 等保2.0 level-3 profile: at least 8 characters from at least 3 of the 4
 * classes (lower case, upper case, digits, others) and a change every 90 days. See application.yml for the
 * OWASP ASVS profile.
 *
 * @param maxAge zero turns periodic change off
 */
@ConfigurationProperties("chengguan.security.password")
public record PasswordPolicy(int minLength, int maxLength, int minCharacterClasses, Duration maxAge) {

	/** BCrypt reads at most 72 bytes: a longer password would be refused by the encoder (or, elsewhere, cut). */
	public static final int MAX_BYTES = 72;

	public PasswordPolicy {
		minLength = minLength > 0 ? minLength : 8;
		maxLength = maxLength >= minLength ? maxLength : Math.max(64, minLength);
		minCharacterClasses = Math.min(Math.max(minCharacterClasses, 1), 4);
		maxAge = maxAge == null ? Duration.ofDays(90) : maxAge;
	}

	/** A broken rule, as a message code with its arguments. */
	public record Violation(String code, Object... arguments) {
	}

	public List<Violation> check(String password, String username) {
		List<Violation> violations = new ArrayList<>();
		if (password == null || password.isEmpty()) {
			violations.add(new Violation("password.empty"));
			return violations;
		}
		int length = password.codePointCount(0, password.length());
		if (length < minLength) {
			violations.add(new Violation("password.tooShort", minLength));
		}
		if (length > maxLength) {
			violations.add(new Violation("password.tooLong", maxLength));
		}
		else if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			violations.add(new Violation("password.tooManyBytes", MAX_BYTES));
		}
		if (characterClasses(password) < minCharacterClasses) {
			violations.add(new Violation("password.tooSimple", minCharacterClasses));
		}
		if (username != null && username.length() >= 3
				&& password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
			violations.add(new Violation("password.containsUsername"));
		}
		if (violations.isEmpty() && CommonPasswords.isCommon(password)) {
			violations.add(new Violation("password.common"));
		}
		return violations;
	}

	public boolean isExpired(Instant changedAt, Instant now) {
		return !maxAge.isZero() && changedAt != null && !changedAt.plus(maxAge).isAfter(now);
	}

	static int characterClasses(String password) {
		boolean lower = false;
		boolean upper = false;
		boolean digit = false;
		boolean other = false;
		for (int i = 0; i < password.length(); i++) {
			char c = password.charAt(i);
			if (c >= 'a' && c <= 'z') {
				lower = true;
			}
			else if (c >= 'A' && c <= 'Z') {
				upper = true;
			}
			else if (c >= '0' && c <= '9') {
				digit = true;
			}
			else {
				other = true;
			}
		}
		return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
	}

}
