package chengguan.calendar;

import java.time.LocalDate;
import java.util.Set;

/**
 * The calendar changed on these dates (a day added, removed or imported): deadlines counted across them are
 * recomputed by whoever keeps deadlines. Published inside the editing transaction.
 * @param regionPath empty for a nationwide change, else the region whose subtree is affected
 */
public record WorkCalendarChanged(Set<LocalDate> dates, String regionPath, String changedBy, String description) {
}
