package chengguan.fieldwork;

/**
 * How often staff must visit a community: at least {@code minVisits} visits per period, each lasting at least
 * {@code minMinutesPerVisit} to count, and (per month) visits on at least {@code fixedDaysPerMonth} different days.
 * Seed examples: 长宁 — weekly, 2 hours each; 枣庄 — once a month; 图木舒克 — 4 fixed working days a month.
 *
 * @param regionId the region the rule was set on (the one that applies may be an ancestor's)
 * @param source where the rule comes from, e.g. the document that sets it
 */
public record VisitRule(long regionId, VisitPeriod period, int minVisits, int minMinutesPerVisit,
		int fixedDaysPerMonth, String source) {

	public VisitRule {
		if (period == null || minVisits < 0 || minMinutesPerVisit < 0 || fixedDaysPerMonth < 0 || fixedDaysPerMonth > 31
				|| (minVisits == 0 && fixedDaysPerMonth == 0)) {
			throw new IllegalArgumentException("A visit rule needs a period and at least one positive requirement");
		}
	}

}
