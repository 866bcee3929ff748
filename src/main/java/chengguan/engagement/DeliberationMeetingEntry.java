package chengguan.engagement;

import java.time.LocalDate;
import java.util.List;

/** A meeting as recorded: which community, what form, when and where, the agenda, minutes and who attended. */
public record DeliberationMeetingEntry(String communityCode, DeliberationKind kind, String title, LocalDate date,
		String place, String agenda, String minutes, List<Attendee> attendees) {

	public DeliberationMeetingEntry {
		attendees = attendees == null ? List.of() : List.copyOf(attendees);
	}

	public record Attendee(DeliberationRole role, String name) {
	}

}
