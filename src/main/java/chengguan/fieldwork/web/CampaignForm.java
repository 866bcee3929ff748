package chengguan.fieldwork.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import chengguan.fieldwork.Campaign;
import chengguan.fieldwork.CampaignDetails;

/** The campaign form: name, period, description, target regions and problem categories. */
public class CampaignForm {

	private Long templateId;

	@NotBlank(message = "{campaign.name.required}")
	@Size(max = 100, message = "{campaign.name.tooLong}")
	private String name;

	@Size(max = 2000, message = "{campaign.description.tooLong}")
	private String description;

	@NotNull(message = "{campaign.period.required}")
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate startDate;

	@NotNull(message = "{campaign.period.required}")
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate endDate;

	@NotEmpty(message = "{campaign.regions.required}")
	private List<Long> regionIds = new ArrayList<>();

	@NotEmpty(message = "{campaign.categories.required}")
	private List<Long> categoryIds = new ArrayList<>();

	private Long version;

	static CampaignForm of(CampaignDetails details) {
		CampaignForm form = new CampaignForm();
		form.templateId = details.templateId();
		form.name = details.name();
		form.description = details.description();
		form.startDate = details.startDate();
		form.endDate = details.endDate();
		form.regionIds = new ArrayList<>(details.regionIds());
		form.categoryIds = new ArrayList<>(details.categoryIds());
		return form;
	}

	static CampaignForm of(Campaign campaign) {
		CampaignForm form = of(new CampaignDetails(campaign.name(), campaign.description(), campaign.startDate(),
				campaign.endDate(), campaign.regionIds(), campaign.categoryIds(), campaign.templateId()));
		form.version = campaign.version();
		return form;
	}

	CampaignDetails details() {
		return new CampaignDetails(name, description, startDate, endDate, regionIds, categoryIds, templateId);
	}

	public Long getTemplateId() {
		return templateId;
	}

	public void setTemplateId(Long templateId) {
		this.templateId = templateId;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getDescription() {
		return description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public LocalDate getStartDate() {
		return startDate;
	}

	public void setStartDate(LocalDate startDate) {
		this.startDate = startDate;
	}

	public LocalDate getEndDate() {
		return endDate;
	}

	public void setEndDate(LocalDate endDate) {
		this.endDate = endDate;
	}

	public List<Long> getRegionIds() {
		return regionIds;
	}

	public void setRegionIds(List<Long> regionIds) {
		this.regionIds = regionIds == null ? new ArrayList<>() : regionIds;
	}

	public List<Long> getCategoryIds() {
		return categoryIds;
	}

	public void setCategoryIds(List<Long> categoryIds) {
		this.categoryIds = categoryIds == null ? new ArrayList<>() : categoryIds;
	}

	public Long getVersion() {
		return version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

}
