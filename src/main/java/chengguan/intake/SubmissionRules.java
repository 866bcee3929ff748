package chengguan.intake;

import java.math.BigDecimal;
import java.math.RoundingMode;

import chengguan.platform.web.InvalidRequestException;
import chengguan.platform.web.TypedText;

/**
 * The checks every submission passes, whatever the channel: lengths, phone shape, a position inside China, and text
 * with control characters removed. Each refusal names its reason in Chinese.
 */
final class SubmissionRules {

	static final int MIN_DESCRIPTION_LENGTH = 5;

	static final int MAX_ADDRESS_LENGTH = 200;

	static final int MAX_NAME_LENGTH = 32;

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

	static String phone(String text) {
		return TypedText.phone(text, true, "report.phone.invalid");
	}

	static String idempotencyKey(String key) {
		return TypedText.idempotencyKey(key, "report.idempotencyKey.invalid");
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
		return TypedText.clean(text);
	}

}
