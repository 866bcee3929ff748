package chengguan.intake;

/** Published after a new report is stored (never for an idempotent replay), for the case workflow to pick up. */
public record ReportReceived(long reportId, String trackingCode, Channel channel, long communityId, String regionPath,
		Long categoryId, java.time.Instant receivedAt) {
}
