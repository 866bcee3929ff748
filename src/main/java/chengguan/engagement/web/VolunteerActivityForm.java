package chengguan.engagement.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/** A new volunteer activity. */
public class VolunteerActivityForm {

	private Long communityId;

	private String title;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate date;

	private BigDecimal hoursPerPerson;

	public Long getCommunityId() {
		return communityId;
	}

	public void setCommunityId(Long communityId) {
		this.communityId = communityId;
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

	public BigDecimal getHoursPerPerson() {
		return hoursPerPerson;
	}

	public void setHoursPerPerson(BigDecimal hoursPerPerson) {
		this.hoursPerPerson = hoursPerPerson;
	}

}
