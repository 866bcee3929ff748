package chengguan.cases;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The cases of some categories under some regions (each path covers its subtree), created between two days
 * (inclusive, in the platform's time zone), in the given states: what a 专项整治 looks at. Empty categories or
 * regions select nothing.
 */
public record CaseSelection(Set<Long> categoryIds, List<String> regionPaths, LocalDate from, LocalDate to,
		Set<CaseState> states) {

	public CaseSelection {
		categoryIds = categoryIds == null ? Set.of() : Set.copyOf(categoryIds);
		regionPaths = regionPaths == null ? List.of() : List.copyOf(regionPaths);
		states = states == null || states.isEmpty() ? EnumSet.allOf(CaseState.class) : EnumSet.copyOf(states);
		if (from == null || to == null) {
			throw new IllegalArgumentException("A case selection needs both days of its range");
		}
	}

	boolean selectsNothing() {
		return categoryIds.isEmpty() || regionPaths.isEmpty() || to.isBefore(from);
	}

}
