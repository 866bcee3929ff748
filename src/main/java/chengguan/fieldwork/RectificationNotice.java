package chengguan.fieldwork;

import java.time.LocalDate;
import java.util.List;

/**
 * A rectification notice 整改通知 issued from an inspection for its deducted items.
 *
 * @param overdue past its deadline while still awaiting a re-inspection (逾期), as of when it was read
 */
public record RectificationNotice(long id, long inspectionId, long compoundId, String compoundName, long companyId,
		String companyName, LocalDate issuedOn, LocalDate deadline, RectificationStatus status, String issuedBy,
		long version, boolean overdue, List<Item> items, List<Reinspection> reinspections) {

	public RectificationNotice {
		items = List.copyOf(items);
		reinspections = List.copyOf(reinspections);
	}

	/** What to fix about one deducted item. */
	public record Item(String itemName, String requirement) {

	}

	/** 复查: a failed one gave the notice {@code newDeadline}. */
	public record Reinspection(LocalDate date, boolean passed, String note, LocalDate previousDeadline,
			LocalDate newDeadline, String inspectorName) {

	}

	/** The deadline day itself still counts as in time. */
	static boolean overdue(RectificationStatus status, LocalDate deadline, LocalDate today) {
		return status.awaitsReinspection() && today.isAfter(deadline);
	}

}
