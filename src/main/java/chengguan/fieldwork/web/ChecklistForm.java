package chengguan.fieldwork.web;

import java.util.ArrayList;
import java.util.List;

import chengguan.fieldwork.PropertyChecklist;

/** A checklist as an administrator edits it; rows left without a name are dropped. */
public class ChecklistForm {

	/** Empty rows offered for new items. */
	private static final int SPARE_ROWS = 3;

	private String name;

	private long version;

	private List<ItemLine> items = new ArrayList<>();

	static ChecklistForm of(PropertyChecklist checklist) {
		ChecklistForm form = new ChecklistForm();
		form.name = checklist.name();
		form.version = checklist.version();
		checklist.items().forEach(item -> form.items.add(new ItemLine(item.name(), item.maxScore())));
		return form.withSpareRows();
	}

	ChecklistForm withSpareRows() {
		for (int i = 0; i < SPARE_ROWS; i++) {
			items.add(new ItemLine(null, null));
		}
		return this;
	}

	/** Rows with a name; a missing maximum counts as 0, which the checklist refuses. */
	List<PropertyChecklist.Item> entered() {
		return items.stream()
			.filter(line -> line.getName() != null && !line.getName().isBlank())
			.map(line -> new PropertyChecklist.Item(line.getName(), line.getMaxScore() == null ? 0 : line.getMaxScore()))
			.toList();
	}

	public static class ItemLine {

		private String name;

		private Integer maxScore;

		public ItemLine() {
		}

		ItemLine(String name, Integer maxScore) {
			this.name = name;
			this.maxScore = maxScore;
		}

		public String getName() {
			return name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public Integer getMaxScore() {
			return maxScore;
		}

		public void setMaxScore(Integer maxScore) {
			this.maxScore = maxScore;
		}

	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

	public List<ItemLine> getItems() {
		return items;
	}

	public void setItems(List<ItemLine> items) {
		this.items = items == null ? new ArrayList<>() : items;
	}

}
