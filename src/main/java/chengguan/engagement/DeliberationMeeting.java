package chengguan.engagement;

import java.time.LocalDate;
import java.util.List;

/**
 * A deliberation meeting with its attendees and resolutions, and {@code followUps}: the resolutions of the
 * community's earlier meetings to report on here (tasks still open, and those done since the previous meeting).
 */
public record DeliberationMeeting(long id, long communityId, String communityName, DeliberationKind kind, String title,
		LocalDate date, String place, String agenda, String minutes, String createdBy, long version,
		List<DeliberationMeetingEntry.Attendee> attendees, List<DeliberationResolution> resolutions,
		List<DeliberationResolution> followUps) {

	public DeliberationMeeting {
		attendees = List.copyOf(attendees);
		resolutions = List.copyOf(resolutions);
		followUps = List.copyOf(followUps);
	}

}
