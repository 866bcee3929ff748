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
				|| (minVisits == 0 && fixedDaysPerMonth == 0) || (period == VisitPeriod.WEEK && fixedDaysPerMonth > 0)) {
			throw new IllegalArgumentException("A visit rule needs a period and at least one positive requirement");
		}
	}

	/** The rule in the words of the seeds: 每周不少于1次，每次不少于2小时. */
	public String summary() {
		StringBuilder text = new StringBuilder(period == VisitPeriod.WEEK ? "每周" : "每月");
		if (minVisits > 0) {
			text.append("不少于").append(minVisits).append("次");
		}
		if (minMinutesPerVisit > 0) {
			text.append(minVisits > 0 ? "，" : "").append("每次不少于")
				.append(minMinutesPerVisit % 60 == 0 ? minMinutesPerVisit / 60 + "小时" : minMinutesPerVisit + "分钟");
		}
		if (fixedDaysPerMonth > 0) {
			text.append(minVisits > 0 || minMinutesPerVisit > 0 ? "，" : "").append("固定").append(fixedDaysPerMonth)
				.append("个工作日");
		}
		return text.toString();
	}

}
