package chengguan.fieldwork;

import java.util.List;

/** A ready-made campaign (清爽行动「一补一复治六乱」): its focus items, each with the catalog leaves it covers. */
public record CampaignTemplate(long id, String code, String name, String description, String source,
		List<Item> items) {

	public CampaignTemplate {
		items = List.copyOf(items);
	}

	public record Item(long categoryId, String focus, int focusOrder) {
	}

	public List<Long> categoryIds() {
		return items.stream().map(Item::categoryId).toList();
	}

}
