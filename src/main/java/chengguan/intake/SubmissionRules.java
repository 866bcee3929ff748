package chengguan.intake;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

import chengguan.platform.web.InvalidRequestException;

/**
 * The checks every submission passes, whatever the channel: lengths, phone shape, a position inside China, and text
 * with control characters removed. Each refusal names its reason in Chinese.
 */
final class SubmissionRules {

	static final int MIN_DESCRIPTION_LENGTH = 5;

	static final int MAX_ADDRESS_LENGTH = 200;

	static final int MAX_NAME_LENGTH = 32;

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	private static final Pattern LANDLINE = Pattern.compile("0\\d{9,11}");

	private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9_-]{8,64}");

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");

	private SubmissionRules() {
	}

	static String description(String text, int maxLength) {
		String value = clean(text);
		if (value == null || value.length() < MIN_DESCRIPTION_LENGTH) {
			throw new InvalidRequestException("report.description.tooShort", MIN_DESCRIPTION_LENGTH);
		}
		if (value.length() > maxLength) {
			throw new InvalidRequestException("report.description.tooLong", maxLength);
		}
		return value;
	}

	static String address(String text) {
		String value = clean(text);
		if (value != null && value.length() > MAX_ADDRESS_LENGTH) {
			throw new InvalidRequestException("report.address.tooLong", MAX_ADDRESS_LENGTH);
		}
		return value;
	}

	static String name(String text) {
		String value = clean(text);
		if (value != null && value.length() > MAX_NAME_LENGTH) {
			throw new InvalidRequestException("report.name.tooLong", MAX_NAME_LENGTH);
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
			throw new InvalidRequestException("report.phone.invalid");
		}
		return digits;
	}

	static String idempotencyKey(String key) {
		if (key == null || key.isBlank()) {
			return null;
		}
		if (!IDEMPOTENCY_KEY.matcher(key).matches()) {
			throw new InvalidRequestException("report.idempotencyKey.invalid");
		}
		return key;
	}

	/** Both or neither, rounded to 6 decimals (about 0.1 m), and inside China's bounding box. */
	static BigDecimal[] position(BigDecimal latitude, BigDecimal longitude) {
		if (latitude == null && longitude == null) {
			return new BigDecimal[] { null, null };
		}
		if (latitude == null || longitude == null) {
			throw new InvalidRequestException("report.position.incomplete");
		}
		if (latitude.compareTo(BigDecimal.valueOf(3)) < 0 || latitude.compareTo(BigDecimal.valueOf(54)) > 0
				|| longitude.compareTo(BigDecimal.valueOf(73)) < 0
				|| longitude.compareTo(BigDecimal.valueOf(136)) > 0) {
			throw new InvalidRequestException("report.position.outside");
		}
		return new BigDecimal[] { latitude.setScale(6, RoundingMode.HALF_UP), longitude.setScale(6, RoundingMode.HALF_UP) };
	}

	static Integer accuracy(Integer meters) {
		if (meters == null || meters < 0) {
			return null;
		}
		return Math.min(meters, 100_000);
	}

	private static String clean(String text) {
		if (text == null) {
			return null;
		}
		String value = CONTROL.matcher(text.replace("\r\n", "\n")).replaceAll("").strip();
		return value.isEmpty() ? null : value;
	}

}
