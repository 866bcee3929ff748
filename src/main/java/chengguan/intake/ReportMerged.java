package chengguan.intake;

/** Published when a staff member merges a duplicate report into the one that will be handled. */
public record ReportMerged(long duplicateReportId, long primaryReportId, String mergedBy) {
}
