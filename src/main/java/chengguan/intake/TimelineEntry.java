package chengguan.intake;

import java.time.Instant;

/**
 * One line of the public timeline. {@code note} is written for the reporter; {@code fromMergedReport} marks steps
 * of the report this one was merged into.
 */
public record TimelineEntry(Instant occurredAt, ReportEventType type, String note, boolean fromMergedReport) {
}
