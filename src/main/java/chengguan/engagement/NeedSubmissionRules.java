package chengguan.engagement;

import chengguan.platform.web.InvalidRequestException;
import chengguan.platform.web.TypedText;

/**
 * The checks on what residents type into the public pages (suggestions, needs and event sign-ups): lengths, phone
 * shape, and text with control characters removed. Each refusal names its reason in Chinese.
 */
final class NeedSubmissionRules {

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

	static String phone(String text) {
		return TypedText.phone(text, true, "need.phone.invalid");
	}

	static String idempotencyKey(String key) {
		return TypedText.idempotencyKey(key, "need.idempotencyKey.invalid");
	}

	static String clean(String text) {
		return TypedText.clean(text);
	}

}
