package chengguan.intake;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One report as it arrives, from any channel. {@code regionCode} names the community, or a compound or grid inside
 * it; {@code photos} are the raw uploads, checked and re-encoded by intake. {@code receivedAt} is set only for
 * imported work orders, which keep the time the hotline took them.
 */
public record ReportSubmission(Channel channel, String regionCode, String categoryCode, ReportKind kind,
		String description, BigDecimal latitude, BigDecimal longitude, Integer locationAccuracyMeters, String address,
		String reporterName, String reporterPhone, List<byte[]> photos, String idempotencyKey, String clientIp,
		String externalId, Instant receivedAt) {

	public ReportSubmission {
		photos = photos == null ? List.of() : List.copyOf(photos);
	}

	/** A resident's report from the QR page or the public API. */
	public static ReportSubmission fromResident(Channel channel, String regionCode, String categoryCode,
			ReportKind kind, String description, BigDecimal latitude, BigDecimal longitude, Integer accuracy,
			String address, String phone, List<byte[]> photos, String idempotencyKey, String clientIp) {
		return new ReportSubmission(channel, regionCode, categoryCode, kind, description, latitude, longitude,
				accuracy, address, null, phone, photos, idempotencyKey, clientIp, null, null);
	}

}
