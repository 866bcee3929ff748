package chengguan.engagement;

import java.util.Set;

/**
 * A merchant's points as counted for one month, before any rule is applied.
 * @param monthNet the points of the month's inspection lines, additions minus deductions
 * @param monthInspections inspections in the month
 * @param monthDeductions deducting lines in the month
 * @param accumulatedNet the points of every inspection line up to the end of the month
 */
public record MerchantTally(long merchantId, String name, String communityName, String businessType,
		Set<FrontageDuty> duties, int monthNet, int monthInspections, int monthDeductions, int accumulatedNet) {

}
