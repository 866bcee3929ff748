package chengguan.engagement;

import java.util.regex.Pattern;

import chengguan.platform.web.InvalidRequestException;

/**
 * The checks on what residents type into the public pages (suggestions, needs and event sign-ups): lengths, phone
 * shape, and text with control characters removed. Each refusal names its reason in Chinese.
 */
final class NeedSubmissionRules {

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	private static final Pattern LANDLINE = Pattern.compile("0\\d{9,11}");

	private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9_-]{8,64}");

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");

	private NeedSubmissionRules() {
	}

	/** Required text between {@code min} and {@code max} characters after cleaning; the message takes both. */
	static String text(String text, int min, int max, String messageCode) {
		String value = clean(text);
		if (value == null || value.length() < min || value.length() > max) {
			throw new InvalidRequestException(messageCode, min, max);
		}
		return value;
	}

	/** Optional text of at most {@code max} characters; blank becomes null. */
	static String optional(String text, int max, String messageCode) {
		String value = clean(text);
		if (value != null && value.length() > max) {
			throw new InvalidRequestException(messageCode, max);
		}
		return value;
	}

	/** A mobile (13800000001) or a landline with area code (0632-1234567); spaces and dashes are dropped. */
	static String phone(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String digits = text.replaceAll("[\\s-]", "");
		if (digits.startsWith("+86")) {
			digits = digits.substring(3);
		}
		if (!MOBILE.matcher(digits).matches() && !LANDLINE.matcher(digits).matches()) {
			throw new InvalidRequestException("need.phone.invalid");
		}
		return digits;
	}

	static String idempotencyKey(String key) {
		if (key == null || key.isBlank()) {
			return null;
		}
		if (!IDEMPOTENCY_KEY.matcher(key).matches()) {
			throw new InvalidRequestException("need.idempotencyKey.invalid");
		}
		return key;
	}

	static String clean(String text) {
		if (text == null) {
			return null;
		}
		String value = CONTROL.matcher(text.replace("\r\n", "\n")).replaceAll("").strip();
		return value.isEmpty() ? null : value;
	}

}
