package chengguan.engagement.web;

import chengguan.engagement.VolunteerKind;

/** The public registration form of a community's volunteer page. */
public class VolunteerRegistrationForm {

	private String name;

	private String phone;

	private VolunteerKind kind = VolunteerKind.VOLUNTEER;

	private String skills;

	private String availability;

	private boolean consent;

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getPhone() {
		return phone;
	}

	public void setPhone(String phone) {
		this.phone = phone;
	}

	public VolunteerKind getKind() {
		return kind;
	}

	public void setKind(VolunteerKind kind) {
		this.kind = kind;
	}

	public String getSkills() {
		return skills;
	}

	public void setSkills(String skills) {
		this.skills = skills;
	}

	public String getAvailability() {
		return availability;
	}

	public void setAvailability(String availability) {
		this.availability = availability;
	}

	public boolean isConsent() {
		return consent;
	}

	public void setConsent(boolean consent) {
		this.consent = consent;
	}

}
