package chengguan.engagement;

import java.util.List;

/**
 * What an inspector records: the points-table items found, each with an optional remark, and a note.
 */
public record MerchantInspectionEntry(List<Choice> choices, String note) {

	public MerchantInspectionEntry {
		choices = choices == null ? List.of() : List.copyOf(choices);
	}

	public record Choice(long itemId, String remark) {
	}

}
