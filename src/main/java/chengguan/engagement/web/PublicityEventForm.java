package chengguan.engagement.web;

import java.time.LocalDate;
import java.time.LocalTime;

import org.springframework.format.annotation.DateTimeFormat;

import chengguan.engagement.PublicityEventKind;
import chengguan.engagement.PublicityEventPlan;

/** The plan of an event. */
public class PublicityEventForm {

	private String title;

	private PublicityEventKind kind = PublicityEventKind.LAW_PUBLICITY;

	private String communityCode;

	private String place;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate date;

	@DateTimeFormat(pattern = "HH:mm")
	private LocalTime start;

	@DateTimeFormat(pattern = "HH:mm")
	private LocalTime end;

	private Integer capacity = 50;

	private Long organiserStaffId;

	private String description;

	PublicityEventPlan plan() {
		return new PublicityEventPlan(title, kind, communityCode, place, date, start, end, capacity, organiserStaffId,
				description);
	}

	public String getTitle() {
		return title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public PublicityEventKind getKind() {
		return kind;
	}

	public void setKind(PublicityEventKind kind) {
		this.kind = kind;
	}

	public String getCommunityCode() {
		return communityCode;
	}

	public void setCommunityCode(String communityCode) {
		this.communityCode = communityCode;
	}

	public String getPlace() {
		return place;
	}

	public void setPlace(String place) {
		this.place = place;
	}

	public LocalDate getDate() {
		return date;
	}

	public void setDate(LocalDate date) {
		this.date = date;
	}

	public LocalTime getStart() {
		return start;
	}

	public void setStart(LocalTime start) {
		this.start = start;
	}

	public LocalTime getEnd() {
		return end;
	}

	public void setEnd(LocalTime end) {
		this.end = end;
	}

	public Integer getCapacity() {
		return capacity;
	}

	public void setCapacity(Integer capacity) {
		this.capacity = capacity;
	}

	public Long getOrganiserStaffId() {
		return organiserStaffId;
	}

	public void setOrganiserStaffId(Long organiserStaffId) {
		this.organiserStaffId = organiserStaffId;
	}

	public String getDescription() {
		return description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

}
