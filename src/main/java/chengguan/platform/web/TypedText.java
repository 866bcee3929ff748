package chengguan.platform.web;

import java.util.regex.Pattern;

/**
 * What people type into public and staff forms, made safe and uniform before it is checked or stored: control
 * characters removed (they break exports and can hide text; line breaks and tabs stay), phones reduced to the digits
 * intake stores them as, idempotency keys of a known shape. Each refusal is an {@link InvalidRequestException} with
 * the caller's Chinese message.
 */
public final class TypedText {

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	private static final Pattern LANDLINE = Pattern.compile("0\\d{9,11}");

	private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9_-]{8,64}");

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");

	private TypedText() {
	}

	/** Control characters removed, CRLF as LF, trimmed; blank becomes null. */
	public static String clean(String text) {
		if (text == null) {
			return null;
		}
		String value = CONTROL.matcher(text.replace("\r\n", "\n")).replaceAll("").strip();
		return value.isEmpty() ? null : value;
	}

	/**
	 * A mobile (13800000001) or, if allowed, a landline with area code (0632-1234567): spaces and dashes dropped, +86
	 * removed. Blank gives null.
	 */
	public static String phone(String text, boolean landlineAllowed, String invalidCode) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String digits = text.replaceAll("[\\s-]", "");
		if (digits.startsWith("+86")) {
			digits = digits.substring(3);
		}
		if (!MOBILE.matcher(digits).matches() && !(landlineAllowed && LANDLINE.matcher(digits).matches())) {
			throw new InvalidRequestException(invalidCode);
		}
		return digits;
	}

	/** A client's key for "the same submission again" (8–64 letters, digits, - or _); blank gives null. */
	public static String idempotencyKey(String key, String invalidCode) {
		if (key == null || key.isBlank()) {
			return null;
		}
		if (!IDEMPOTENCY_KEY.matcher(key).matches()) {
			throw new InvalidRequestException(invalidCode);
		}
		return key;
	}

}
