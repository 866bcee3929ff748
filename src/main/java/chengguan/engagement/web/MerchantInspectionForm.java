package chengguan.engagement.web;

import java.util.ArrayList;
import java.util.List;

import chengguan.engagement.MerchantInspectionEntry;
import chengguan.engagement.MerchantPointItem;

/** One row per item of the points table; the inspector ticks what was found and may add a remark. */
public class MerchantInspectionForm {

	private List<Line> lines = new ArrayList<>();

	private String note;

	static MerchantInspectionForm of(List<MerchantPointItem> items) {
		MerchantInspectionForm form = new MerchantInspectionForm();
		items.forEach(item -> {
			Line line = new Line();
			line.setItemId(item.id());
			form.lines.add(line);
		});
		return form;
	}

	MerchantInspectionEntry entry() {
		return new MerchantInspectionEntry(lines.stream()
			.filter(line -> line.isChosen() && line.getItemId() != null)
			.map(line -> new MerchantInspectionEntry.Choice(line.getItemId(), line.getRemark()))
			.toList(), note);
	}

	public static class Line {

		private Long itemId;

		private boolean chosen;

		private String remark;

		public Long getItemId() {
			return itemId;
		}

		public void setItemId(Long itemId) {
			this.itemId = itemId;
		}

		public boolean isChosen() {
			return chosen;
		}

		public void setChosen(boolean chosen) {
			this.chosen = chosen;
		}

		public String getRemark() {
			return remark;
		}

		public void setRemark(String remark) {
			this.remark = remark;
		}

	}

	public List<Line> getLines() {
		return lines;
	}

	public void setLines(List<Line> lines) {
		this.lines = lines == null ? new ArrayList<>() : lines;
	}

	public String getNote() {
		return note;
	}

	public void setNote(String note) {
		this.note = note;
	}

}
