package chengguan.fieldwork.web;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

import chengguan.fieldwork.ReinspectionEntry;

/** A re-inspection of a rectification notice. */
public class ReinspectionForm {

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate date;

	private boolean passed = true;

	private String note;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate newDeadline;

	private long version;

	ReinspectionEntry entry() {
		return new ReinspectionEntry(date, passed, note, newDeadline);
	}

	public LocalDate getDate() {
		return date;
	}

	public void setDate(LocalDate date) {
		this.date = date;
	}

	public boolean isPassed() {
		return passed;
	}

	public void setPassed(boolean passed) {
		this.passed = passed;
	}

	public String getNote() {
		return note;
	}

	public void setNote(String note) {
		this.note = note;
	}

	public LocalDate getNewDeadline() {
		return newDeadline;
	}

	public void setNewDeadline(LocalDate newDeadline) {
		this.newDeadline = newDeadline;
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
