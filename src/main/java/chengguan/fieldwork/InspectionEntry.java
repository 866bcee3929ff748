package chengguan.fieldwork;

import java.time.LocalDate;
import java.util.List;

/**
 * An inspection as the inspector enters it on the phone: one score per checklist item, in the checklist's order.
 *
 * @param checklistVersion the version of the checklist the form showed; a checklist edited meanwhile is refused
 */
public record InspectionEntry(long compoundId, long checklistId, long checklistVersion, LocalDate date,
		List<PropertyChecklist.ItemScore> scores, String note) {

	public InspectionEntry {
		scores = scores == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(scores));
	}

}
