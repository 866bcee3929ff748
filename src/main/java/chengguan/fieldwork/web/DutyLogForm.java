package chengguan.fieldwork.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.format.annotation.DateTimeFormat;

import chengguan.fieldwork.WorkItem;

/** The duty-log form a liaison fills in on the phone after a visit. */
public class DutyLogForm {

	private String communityCode;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate date;

	@DateTimeFormat(pattern = "HH:mm")
	private LocalTime start;

	@DateTimeFormat(pattern = "HH:mm")
	private LocalTime end;

	private Set<WorkItem> items = EnumSet.noneOf(WorkItem.class);

	private String whatWasDone;

	private String findings;

	private String findingCategoryCode;

	private String contactName;

	private String contactPhone;

	private BigDecimal latitude;

	private BigDecimal longitude;

	private Integer accuracy;

	private Long campaignId;

	/** Colleagues who went too (roster ids); the signed-in person is always a participant. */
	private java.util.List<Long> companionIds = new java.util.ArrayList<>();

	public String getCommunityCode() {
		return communityCode;
	}

	public void setCommunityCode(String communityCode) {
		this.communityCode = communityCode;
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

	public Set<WorkItem> getItems() {
		return items;
	}

	public void setItems(Set<WorkItem> items) {
		this.items = items == null ? EnumSet.noneOf(WorkItem.class) : items;
	}

	public String getWhatWasDone() {
		return whatWasDone;
	}

	public void setWhatWasDone(String whatWasDone) {
		this.whatWasDone = whatWasDone;
	}

	public String getFindings() {
		return findings;
	}

	public void setFindings(String findings) {
		this.findings = findings;
	}

	public String getFindingCategoryCode() {
		return findingCategoryCode;
	}

	public void setFindingCategoryCode(String findingCategoryCode) {
		this.findingCategoryCode = findingCategoryCode;
	}

	public String getContactName() {
		return contactName;
	}

	public void setContactName(String contactName) {
		this.contactName = contactName;
	}

	public String getContactPhone() {
		return contactPhone;
	}

	public void setContactPhone(String contactPhone) {
		this.contactPhone = contactPhone;
	}

	public BigDecimal getLatitude() {
		return latitude;
	}

	public void setLatitude(BigDecimal latitude) {
		this.latitude = latitude;
	}

	public BigDecimal getLongitude() {
		return longitude;
	}

	public void setLongitude(BigDecimal longitude) {
		this.longitude = longitude;
	}

	public Integer getAccuracy() {
		return accuracy;
	}

	public void setAccuracy(Integer accuracy) {
		this.accuracy = accuracy;
	}

	public Long getCampaignId() {
		return campaignId;
	}

	public void setCampaignId(Long campaignId) {
		this.campaignId = campaignId;
	}

	public java.util.List<Long> getCompanionIds() {
		return companionIds;
	}

	public void setCompanionIds(java.util.List<Long> companionIds) {
		this.companionIds = companionIds == null ? new java.util.ArrayList<>() : companionIds;
	}

}
