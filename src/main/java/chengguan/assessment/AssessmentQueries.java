package chengguan.assessment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import chengguan.fieldwork.VisitPeriod;
import chengguan.fieldwork.VisitComplianceReport;
import chengguan.organization.RegionView;
import chengguan.platform.PlatformProperties;
import chengguan.platform.security.DataScope;

/**
 * The figures behind the dashboard, summed from the rollups (never from the cases themselves) for a region's
 * subtree: its path is a prefix of every place below it. Callers check the region is in the person's scope.
 */
@Service
@Transactional(readOnly = true)
public class AssessmentQueries {

	private final JdbcClient jdbc;

	private final VisitComplianceReport compliance;

	private final PlatformProperties platform;

	private final Clock clock;

	AssessmentQueries(JdbcClient jdbc, VisitComplianceReport compliance, PlatformProperties platform, Clock clock) {
		this.jdbc = jdbc;
		this.compliance = compliance;
		this.platform = platform;
		this.clock = clock;
	}

	/** Everything received in the period below the region. */
	public Figures total(RegionView region, Period period) {
		return sum("", Dimension.ALL, region, period.daily(), period.start(), period.end()).getOrDefault("",
				Figures.NONE);
	}

	/** Per key of the dimension (category id, channel …), largest volume first. */
	public Map<String, Figures> by(Dimension dimension, RegionView region, Period period) {
		return sum("dimension_key", dimension, region, period.daily(), period.start(), period.end());
	}

	/** Per place (the region path cases were reported at): the caller adds them up to the level it shows. */
	public Map<String, Figures> byPlace(RegionView region, Period period) {
		return sum("region_path", Dimension.ALL, region, period.daily(), period.start(), period.end());
	}

	/** Month by month (keyed by the first day), oldest first, for the trend lines. */
	public Map<LocalDate, Figures> monthly(RegionView region, LocalDate firstMonth, LocalDate lastMonth) {
		Map<LocalDate, Figures> months = new LinkedHashMap<>();
		for (LocalDate month = firstMonth; !month.isAfter(lastMonth); month = month.plusMonths(1)) {
			months.put(month, Figures.NONE);
		}
		sum("period_start", Dimension.ALL, region, false, firstMonth, lastMonth)
			.forEach((month, figures) -> months.put(LocalDate.parse(month), figures));
		return months;
	}

	/**
	 * Open cases below the region whose time limit has run out, most overdue first, as of the last refresh (a
	 * case closed since may still be listed for up to one refresh interval).
	 */
	public List<Long> overdueCaseIds(RegionView region, int limit) {
		return jdbc.sql("""
				SELECT case_id FROM assessment_case_fact
				WHERE open_due_at <= ? AND region_path LIKE ?
				ORDER BY open_due_at, case_id
				LIMIT\s""" + limit)
			.params(chengguan.platform.persistence.DbTime.utc(clock.instant()), region.path() + "%")
			.query(Long.class)
			.list();
	}

	/** A map cell (see {@link Rollups#CELL_DEGREES}) and how many cases were reported in it. */
	public record HeatCell(double south, double west, double north, double east, long cases) {
	}

	/** Cases per map cell in the months from … to (inclusive), below the region. */
	public List<HeatCell> heat(RegionView region, LocalDate firstMonth, LocalDate lastMonth) {
		double size = Rollups.CELL_DEGREES.doubleValue();
		return jdbc.sql("""
				SELECT cell_lat, cell_lng, SUM(cases) FROM assessment_heat_cell
				WHERE period_start BETWEEN ? AND ? AND region_path LIKE ?
				GROUP BY cell_lat, cell_lng""")
			.params(firstMonth, lastMonth, region.path() + "%")
			.query((rs, n) -> new HeatCell(rs.getInt(1) * size, rs.getInt(2) * size, (rs.getInt(1) + 1) * size,
					(rs.getInt(2) + 1) * size, rs.getLong(3)))
			.list();
	}

	/**
	 * Visit compliance per community below the region: for each liaison of the community, whether their visits in
	 * the period (up to today, if it is not over) met the rule that applies there. Communities without a rule, and
	 * periods shorter than the rule's (a week under a monthly rule), are left out.
	 * @return community path → figures holding only the visit counts
	 */
	public Map<String, Figures> visits(RegionView region, Period period) {
		LocalDate today = LocalDate.ofInstant(clock.instant(), platform.timeZone());
		Map<String, Figures> byCommunity = new LinkedHashMap<>();
		if (period.start().isAfter(today)) {
			return byCommunity;
		}
		LocalDate to = period.end().isAfter(today) ? today : period.end();
		DataScope below = new DataScope(region.id(), region.path(), region.name());
		for (VisitComplianceReport.Row row : compliance.report(below, period.start(), to)) {
			// liaisons only; a monthly rule says nothing about a week or a day, a weekly one nothing about a day;
			// a rule period still running is not judged yet
			if (row.duty().responsible() || row.rule().isEmpty() || row.ongoing()) {
				continue;
			}
			VisitPeriod rulePeriod = row.rule().get().period();
			if (rulePeriod == VisitPeriod.WEEK ? period.kind() == Period.Kind.DAY : period.daily()) {
				continue;
			}
			byCommunity.merge(row.duty().communityPath(), Figures.NONE.withVisits(1, row.behind() ? 0 : 1),
					Figures::plus);
		}
		return byCommunity;
	}

	private Map<String, Figures> sum(String groupColumn, Dimension dimension, RegionView region, boolean daily,
			LocalDate from, LocalDate to) {
		String key = groupColumn.isEmpty() ? "''" : groupColumn;
		String sql = "SELECT " + key + " AS k, " + SUMS + " FROM assessment_rollup\n"
				+ "WHERE period_kind = ? AND dimension = ? AND period_start BETWEEN ? AND ? AND region_path LIKE ?\n"
				+ (groupColumn.isEmpty() ? "" : "GROUP BY " + groupColumn + "\n") + "ORDER BY 2 DESC";
		Map<String, Figures> result = new LinkedHashMap<>();
		jdbc.sql(sql)
			.params(daily ? "DAY" : "MONTH", dimension.name(), from, to, region.path() + "%")
			.query((rs, n) -> {
				result.put(rs.getObject(1) == null ? "" : rs.getObject(1).toString(), figures(rs));
				return null;
			})
			.list();
		result.values().removeIf(figures -> figures.received() == 0);
		return result;
	}

	private static final String SUMS = java.util.Arrays.stream(Rollups.MEASURES.split(",\\s*"))
		.map(column -> "SUM(" + column + ")")
		.collect(java.util.stream.Collectors.joining(", "));

	private static Figures figures(ResultSet rs) throws SQLException {
		int buckets = Figures.BUCKET_MINUTES.length;
		long[] response = new long[buckets];
		long[] handling = new long[buckets];
		int first = 17;
		for (int i = 0; i < buckets; i++) {
			response[i] = rs.getLong(first + i);
			handling[i] = rs.getLong(first + buckets + i);
		}
		return new Figures(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7),
				rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12), rs.getLong(13),
				rs.getLong(14), rs.getLong(15), rs.getLong(16), response, handling, 0, 0,
				new Figures.WorkflowCounts(rs.getLong(first + 2 * buckets), rs.getLong(first + 2 * buckets + 1),
						rs.getLong(first + 2 * buckets + 2), rs.getLong(first + 2 * buckets + 3),
						rs.getLong(first + 2 * buckets + 4)));
	}

}
