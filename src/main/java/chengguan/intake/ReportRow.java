package chengguan.intake;

import java.time.Instant;

/** A report in the staff list. The phone is the raw number: templates show it through {@code @personalData}. */
public record ReportRow(long id, String trackingCode, Channel channel, ReportKind kind, ReportStatus status,
		String communityName, String categoryName, String description, Instant receivedAt, int duplicateCandidates,
		String reporterPhone) {
}
