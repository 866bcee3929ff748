package chengguan.intake;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Tracking codes residents read out over the phone or type from a receipt: 10 characters of Crockford's base 32
 * (no I, L, O, U, so nothing is mistaken for 1, 0 or V), 50 random bits, not guessable from a neighbour's code.
 */
final class TrackingCodes {

	static final int LENGTH = 10;

	private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

	private static final Pattern SHAPE = Pattern.compile("[0-9A-HJKMNP-TV-Z]{" + LENGTH + "}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private TrackingCodes() {
	}

	static String next() {
		char[] code = new char[LENGTH];
		for (int i = 0; i < LENGTH; i++) {
			code[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
		}
		return new String(code);
	}

	/** Upper-cases and maps the look-alikes people type (o → 0, i/l → 1) before a lookup. */
	static String normalize(String typed) {
		if (typed == null) {
			return "";
		}
		return typed.strip()
			.toUpperCase(java.util.Locale.ROOT)
			.replace('O', '0')
			.replace('I', '1')
			.replace('L', '1')
			.replace("-", "")
			.replace(" ", "");
	}

	static boolean isWellFormed(String code) {
		return SHAPE.matcher(code).matches();
	}

}
