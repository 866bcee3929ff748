package chengguan.intake;

/**
 * The answer to a submission. {@code replayed} is true when the idempotency key had been seen: the earlier report
 * is returned and nothing new was made.
 */
public record SubmittedReport(long id, String trackingCode, int duplicateCandidates, boolean replayed) {
}
