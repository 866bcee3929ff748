package chengguan.calendar;

import java.time.Instant;

/**
 * When a limit runs out and when its 80 % warning starts (counted the way the limit is). {@code weekendsOnly}:
 * the count crossed a year for which no calendar has been imported, so only weekends were taken as days off.
 */
public record Deadline(Instant dueAt, Instant warnAt, boolean weekendsOnly) {
}
