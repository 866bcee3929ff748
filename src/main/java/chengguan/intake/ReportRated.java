package chengguan.intake;

/** Published when a reporter rates a closed report: 不满意 sends the case back for rework. */
public record ReportRated(long reportId, String trackingCode, Rating rating, String comment) {
}
