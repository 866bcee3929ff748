package chengguan.fieldwork;

import java.time.LocalDate;
import java.util.List;

/** What a person fills in to create or change a campaign; {@code templateId} when it started from a template. */
public record CampaignDetails(String name, String description, LocalDate startDate, LocalDate endDate,
		List<Long> regionIds, List<Long> categoryIds, Long templateId) {

	public CampaignDetails {
		regionIds = regionIds == null ? List.of() : regionIds.stream().distinct().toList();
		categoryIds = categoryIds == null ? List.of() : categoryIds.stream().distinct().toList();
	}

}
