package chengguan.fieldwork;

import java.time.LocalDate;
import java.time.LocalTime;

/** A duty log linked to a campaign, as the campaign page lists it. */
public record LinkedPatrol(long id, LocalDate date, LocalTime start, LocalTime end, String communityName,
		String whatWasDone, String recordedBy, Long findingReportId) {

	public int minutes() {
		return (int) java.time.Duration.between(start, end).toMinutes();
	}

}
