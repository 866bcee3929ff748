package chengguan.engagement.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;

import chengguan.engagement.DeliberationKind;
import chengguan.engagement.DeliberationMeetingEntry;
import chengguan.engagement.DeliberationRole;

/** A meeting as recorded; attendees are typed per role, names separated by 、 or commas. */
public class DeliberationForm {

	private String communityCode;

	private DeliberationKind kind = DeliberationKind.RESIDENTS_COUNCIL;

	private String title;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate date;

	private String place;

	private String agenda;

	private String minutes;

	private Map<DeliberationRole, String> attendees = new EnumMap<>(DeliberationRole.class);

	DeliberationMeetingEntry entry() {
		List<DeliberationMeetingEntry.Attendee> people = new ArrayList<>();
		for (DeliberationRole role : DeliberationRole.values()) {
			String names = attendees.get(role);
			if (names == null) {
				continue;
			}
			for (String name : names.split("[、,，;；\\n]+")) {
				if (!name.isBlank()) {
					people.add(new DeliberationMeetingEntry.Attendee(role, name.strip()));
				}
			}
		}
		return new DeliberationMeetingEntry(communityCode, kind, title, date, place, agenda, minutes, people);
	}

	public String getCommunityCode() {
		return communityCode;
	}

	public void setCommunityCode(String communityCode) {
		this.communityCode = communityCode;
	}

	public DeliberationKind getKind() {
		return kind;
	}

	public void setKind(DeliberationKind kind) {
		this.kind = kind;
	}

	public String getTitle() {
		return title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public LocalDate getDate() {
		return date;
	}

	public void setDate(LocalDate date) {
		this.date = date;
	}

	public String getPlace() {
		return place;
	}

	public void setPlace(String place) {
		this.place = place;
	}

	public String getAgenda() {
		return agenda;
	}

	public void setAgenda(String agenda) {
		this.agenda = agenda;
	}

	public String getMinutes() {
		return minutes;
	}

	public void setMinutes(String minutes) {
		this.minutes = minutes;
	}

	public Map<DeliberationRole, String> getAttendees() {
		return attendees;
	}

	public void setAttendees(Map<DeliberationRole, String> attendees) {
		this.attendees = attendees == null ? new EnumMap<>(DeliberationRole.class) : attendees;
	}

}
