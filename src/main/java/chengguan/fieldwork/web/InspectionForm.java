package chengguan.fieldwork.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;

import chengguan.fieldwork.InspectionEntry;
import chengguan.fieldwork.PropertyChecklist;

/** The inspection form on the phone: one row per checklist item, in the checklist's order. */
public class InspectionForm {

	private Long compoundId;

	private long checklistId;

	private long checklistVersion;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate date;

	private List<ScoreLine> scores = new ArrayList<>();

	private String note;

	/** Full marks on every row: the inspector lowers the rows where something is wrong. */
	static InspectionForm blank(PropertyChecklist checklist, Long compoundId, LocalDate today) {
		InspectionForm form = new InspectionForm();
		form.compoundId = compoundId;
		form.checklistId = checklist.id();
		form.checklistVersion = checklist.version();
		form.date = today;
		for (PropertyChecklist.Item item : checklist.items()) {
			ScoreLine line = new ScoreLine();
			line.setScore(item.maxScore());
			form.scores.add(line);
		}
		return form;
	}

	/** Enough rows for every item, so that the form can show a row per item even after a short post. */
	InspectionForm fitTo(PropertyChecklist checklist) {
		while (scores.size() < checklist.items().size()) {
			scores.add(new ScoreLine());
		}
		return this;
	}

	InspectionEntry entry() {
		return new InspectionEntry(compoundId == null ? 0 : compoundId, checklistId, checklistVersion, date,
				scores.stream().map(line -> new PropertyChecklist.ItemScore(line.getScore(), line.getRemark())).toList(),
				note);
	}

	public static class ScoreLine {

		private Integer score;

		private String remark;

		public Integer getScore() {
			return score;
		}

		public void setScore(Integer score) {
			this.score = score;
		}

		public String getRemark() {
			return remark;
		}

		public void setRemark(String remark) {
			this.remark = remark;
		}

	}

	public Long getCompoundId() {
		return compoundId;
	}

	public void setCompoundId(Long compoundId) {
		this.compoundId = compoundId;
	}

	public long getChecklistId() {
		return checklistId;
	}

	public void setChecklistId(long checklistId) {
		this.checklistId = checklistId;
	}

	public long getChecklistVersion() {
		return checklistVersion;
	}

	public void setChecklistVersion(long checklistVersion) {
		this.checklistVersion = checklistVersion;
	}

	public LocalDate getDate() {
		return date;
	}

	public void setDate(LocalDate date) {
		this.date = date;
	}

	public List<ScoreLine> getScores() {
		return scores;
	}

	public void setScores(List<ScoreLine> scores) {
		this.scores = scores == null ? new ArrayList<>() : scores;
	}

	public String getNote() {
		return note;
	}

	public void setNote(String note) {
		this.note = note;
	}

}
