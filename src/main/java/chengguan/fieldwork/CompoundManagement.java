package chengguan.fieldwork;

import java.time.LocalDate;

/** A company's management of a compound 小区 from a date; {@code until} is null while it is the current one. */
public record CompoundManagement(long compoundId, String compoundName, long companyId, String companyName,
		LocalDate from, LocalDate until) {

	public boolean current() {
		return until == null;
	}

}
