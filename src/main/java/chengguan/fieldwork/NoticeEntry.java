package chengguan.fieldwork;

import java.time.LocalDate;
import java.util.Map;

/**
 * A rectification notice as entered from an inspection.
 *
 * @param requirements what to fix, by the position of a deducted item on the inspection; blank ones are left out
 */
public record NoticeEntry(LocalDate deadline, Map<Integer, String> requirements) {

	public NoticeEntry {
		requirements = requirements == null ? Map.of() : java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(requirements));
	}

}
