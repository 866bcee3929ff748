package chengguan.assessment;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * A community's (or street's) 体检报告 for one month: everything the PDF shows, worked out beforehand so that the
 * drawing only lays it out.
 *
 * @param comparisonName the region the KPIs are compared with: a community's street, a street's district
 * @param openThisMonth the month's counted cases not closed when the report was made
 * @param overdueNow open cases below the region (of any month) past their time limit when the report was made
 * @param needs residents' needs from an engagement source; empty while none is connected ({@link HealthReportNeeds})
 */
public record HealthReport(String regionName, String levelLabel, String comparisonName, YearMonth month,
		Instant generatedAt, Figures figures, List<Trend> trend, List<Count> topCategories, List<Count> hotAddresses,
		List<Count> hotCells, List<KpiLine> kpis, long openThisMonth, long overdueNow, List<VisitLine> visits,
		long suggestionCount, List<String> suggestions, boolean needsConnected, List<String> needs) {

	/** One month of the trend: cases received and the closure rate (null without counted cases). */
	public record Trend(YearMonth month, long received, Double closureRate) {
	}

	/** A name (category, address, map cell) and how many cases it had. */
	public record Count(String name, long cases) {
	}

	/** A KPI of the region against the comparison region; {@code weaker} when worse in the KPI's direction. */
	public record KpiLine(Kpi kpi, Double value, Double comparison, boolean weaker) {
	}

	/** One person's visits to one community in the month against the rule that applies there. */
	public record VisitLine(String staffName, String communityName, int visits, int minutes, String status) {
	}

	public String title() {
		return regionName + " " + month.getYear() + " 年 " + month.getMonthValue() + " 月体检报告";
	}

	public List<KpiLine> weakKpis() {
		return kpis.stream().filter(KpiLine::weaker).toList();
	}

}
