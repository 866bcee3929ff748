package chengguan.fieldwork;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import chengguan.platform.security.DataScope;

/**
 * A 专项整治 (e.g. 清爽行动): a period, target regions of any level (each covering its subtree) and the catalog
 * leaves it goes after. Its cases are found, not linked: those of its categories, in its regions, created in its
 * period.
 */
public record Campaign(long id, String name, String description, LocalDate startDate, LocalDate endDate,
		Long templateId, List<Target> targets, List<Focus> categories, String createdBy, Instant createdAt,
		long version) {

	public Campaign {
		targets = List.copyOf(targets);
		categories = List.copyOf(categories);
	}

	/** A target region: its path covers the subtree. */
	public record Target(long regionId, String regionPath, String name) {

		/**
		 * The part of this target inside a scope: the target itself, the scope's home region when the target
		 * holds it, or nothing when the two do not meet.
		 */
		public String pathWithin(DataScope scope) {
			if (scope.covers(regionPath)) {
				return regionPath;
			}
			return scope.homeRegionPath().startsWith(regionPath) ? scope.homeRegionPath() : null;
		}

	}

	/** A category the campaign goes after, with the template's focus item it came with (补绿复壮, 乱停乱放 …). */
	public record Focus(long categoryId, String code, String name, String focus) {
	}

	public CampaignStatus status(LocalDate today) {
		return CampaignStatus.on(today, startDate, endDate);
	}

	public boolean runsOn(LocalDate day) {
		return status(day) == CampaignStatus.RUNNING;
	}

	/** Whether a community (or any region) lies in one of the target regions' subtrees. */
	public boolean covers(String regionPath) {
		return targets.stream().anyMatch(target -> regionPath.startsWith(target.regionPath()));
	}

	/** Whether any part of the campaign lies inside the scope. */
	public boolean meets(DataScope scope) {
		return targets.stream().anyMatch(target -> target.pathWithin(scope) != null);
	}

	/** Whether every target lies inside the scope, so the person may change the campaign. */
	public boolean within(DataScope scope) {
		return targets.stream().allMatch(target -> scope.covers(target.regionPath()));
	}

	public List<Long> categoryIds() {
		return categories.stream().map(Focus::categoryId).toList();
	}

	public List<Long> regionIds() {
		return targets.stream().map(Target::regionId).toList();
	}

}
