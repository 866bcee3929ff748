package chengguan.fieldwork.web;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;

import chengguan.fieldwork.NoticeEntry;
import chengguan.fieldwork.PropertyInspection;

/** A rectification notice from an inspection: what to fix per deducted item (keyed by the item's position). */
public class NoticeForm {

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate deadline;

	private Map<Integer, String> requirements = new HashMap<>();

	/** Each deducted item's remark as a starting point for what to fix. */
	static NoticeForm from(PropertyInspection inspection, LocalDate deadline) {
		NoticeForm form = new NoticeForm();
		form.deadline = deadline;
		inspection.scores()
			.stream()
			.filter(PropertyInspection.Score::deducted)
			.forEach(score -> form.requirements.put(score.position(), score.remark() == null ? "" : score.remark()));
		return form;
	}

	NoticeEntry entry() {
		return new NoticeEntry(deadline, requirements);
	}

	public LocalDate getDeadline() {
		return deadline;
	}

	public void setDeadline(LocalDate deadline) {
		this.deadline = deadline;
	}

	public Map<Integer, String> getRequirements() {
		return requirements;
	}

	public void setRequirements(Map<Integer, String> requirements) {
		this.requirements = requirements == null ? new HashMap<>() : requirements;
	}

}
