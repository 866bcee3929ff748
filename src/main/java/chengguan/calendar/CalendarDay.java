package chengguan.calendar;

import java.time.LocalDate;

/**
 * A day that is not what its weekday says.
 * @param regionPath empty for the whole country; a region's path for a local day, which applies to that region's
 *                   subtree
 */
public record CalendarDay(Long id, LocalDate date, DayKind kind, String name, String regionPath, String regionName) {

	public boolean national() {
		return regionPath == null || regionPath.isEmpty();
	}

	/** Whether this day applies to something in the given region (null: the whole country). */
	public boolean appliesTo(String path) {
		return national() || (path != null && path.startsWith(regionPath));
	}

}
