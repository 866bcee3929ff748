package chengguan.assessment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import chengguan.catalog.CategoryService;
import chengguan.catalog.CategoryView;
import chengguan.fieldwork.VisitComplianceReport;
import chengguan.intake.ReportKind;
import chengguan.intake.ReportPlace;
import chengguan.intake.ReportPlaces;
import chengguan.organization.RegionLevel;
import chengguan.organization.RegionService;
import chengguan.organization.RegionView;
import chengguan.platform.PlatformProperties;
import chengguan.platform.audit.AuditAction;
import chengguan.platform.audit.AuditLog;
import chengguan.platform.persistence.DbTime;
import chengguan.platform.security.DataScope;
import chengguan.platform.storage.FileStorage;
import chengguan.platform.storage.StoredFile;
import chengguan.platform.web.InvalidRequestException;

/**
 * 体检报告: a community's or street's month — volume and trend, top problems, hot spots (addresses as typed, and
 * cells of 0.001°, about 100 m), KPIs against the street's (or district's) figures, open and overdue cases, visit
 * compliance and residents' suggestions — as a PDF with charts. Made on demand, and on the 1st of every month for
 * every street and community (kept in {@link FileStorage}).
 */
@Service
public class HealthReports {

	private static final Logger log = LoggerFactory.getLogger(HealthReports.class);

	static final int TREND_MONTHS = 12;

	static final int TOP = 5;

	/** Cells of 0.001° of latitude (111 m) by 0.001° of longitude (about 92 m here): roughly 100 m. */
	static final BigDecimal CELL_DEGREES = new BigDecimal("0.001");

	public static final LocalDate FIRST_MONTH = LocalDate.of(2020, 1, 1);

	private final AssessmentQueries queries;

	private final ReportPlaces places;

	private final CategoryService categories;

	private final RegionService regions;

	private final VisitComplianceReport visitReport;

	private final List<HealthReportNeeds> needs;

	private final FileStorage files;

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	private final PlatformProperties platform;

	private final Clock clock;

	HealthReports(AssessmentQueries queries, ReportPlaces places, CategoryService categories, RegionService regions,
			VisitComplianceReport visitReport, List<HealthReportNeeds> needs, FileStorage files, JdbcClient jdbc,
			AuditLog auditLog, PlatformProperties platform, Clock clock) {
		this.queries = queries;
		this.places = places;
		this.categories = categories;
		this.regions = regions;
		this.visitReport = visitReport;
		this.needs = needs;
		this.files = files;
		this.jdbc = jdbc;
		this.auditLog = auditLog;
		this.platform = platform;
		this.clock = clock;
	}

	/** A stored report, as the list page shows it. */
	public record Stored(long id, long regionId, String regionName, YearMonth month, Instant generatedAt,
			String fileId) {
	}

	/** The months a report can be made for: from January 2020 to last month (a month under way is not judged). */
	public void requireReportable(RegionView region, YearMonth month) {
		if (region.level() != RegionLevel.STREET && region.level() != RegionLevel.COMMUNITY) {
			throw new InvalidRequestException("assessment.healthReport.region");
		}
		YearMonth now = YearMonth.from(LocalDate.ofInstant(clock.instant(), platform.timeZone()));
		if (month == null || month.isBefore(YearMonth.from(FIRST_MONTH)) || !month.isBefore(now)) {
			throw new InvalidRequestException("assessment.healthReport.month");
		}
	}

	/** Works out the report of a street or community for a month. The caller checks the region is in scope. */
	public HealthReport build(RegionView region, YearMonth month) {
		Period period = Period.of(Period.Kind.MONTH, month.atDay(1));
		Figures figures = withVisits(region, period);
		RegionView comparison = region.parentId() == null ? region
				: regions.find(region.parentId()).orElse(region);
		Figures comparisonFigures = withVisits(comparison, period);

		List<HealthReport.Trend> trend = new ArrayList<>();
		queries.monthly(region, month.minusMonths(TREND_MONTHS - 1).atDay(1), month.atDay(1))
			.forEach((first, sums) -> trend
				.add(new HealthReport.Trend(YearMonth.from(first), sums.received(), Kpi.CLOSURE_RATE.value(sums))));

		List<HealthReport.Count> topCategories = queries.by(Dimension.CATEGORY, region, period)
			.entrySet()
			.stream()
			.limit(TOP)
			.map(entry -> new HealthReport.Count(categoryName(entry.getKey()), entry.getValue().received()))
			.toList();

		List<HealthReport.KpiLine> kpis = new ArrayList<>();
		for (Kpi kpi : Kpi.values()) {
			Double value = kpi.value(figures);
			Double other = kpi.value(comparisonFigures);
			boolean weaker = value != null && other != null && (kpi.direction() == Kpi.Direction.HIGHER
					? value < other - 1e-9 : value > other + 1e-9);
			kpis.add(new HealthReport.KpiLine(kpi, value, other, weaker));
		}

		Instant from = month.atDay(1).atStartOfDay(platform.timeZone()).toInstant();
		Instant until = month.plusMonths(1).atDay(1).atStartOfDay(platform.timeZone()).toInstant();
		List<ReportPlace> received = places.received(region.path(), from, until);
		List<ReportPlace> suggestions = received.stream().filter(place -> place.kind() == ReportKind.SUGGESTION).toList();

		List<HealthReport.VisitLine> visits = new ArrayList<>();
		DataScope below = new DataScope(region.id(), region.path(), region.name());
		for (VisitComplianceReport.Row row : visitReport.report(below, month.atDay(1), month.atEndOfMonth())) {
			String status = row.result().isEmpty() ? "未设规则" : row.ongoing() ? "周期未满" : row.behind() ? "未达标" : "达标";
			visits.add(new HealthReport.VisitLine(row.duty().staffName() + (row.duty().responsible() ? "（负责人）" : ""),
					row.duty().communityName(), row.visits(), row.minutes(), status));
		}

		List<String> needLines = new ArrayList<>();
		needs.forEach(source -> needLines.addAll(source.needs(region, month)));

		return new HealthReport(region.name(), region.level() == RegionLevel.STREET ? "街道" : "社区",
				comparison.name(), month, clock.instant(), figures, trend, topCategories, hotAddresses(received),
				hotCells(received), kpis, Math.max(0, figures.counted() - figures.closed()),
				queries.overdueCaseIds(region, 10_000).size(), visits, suggestions.size(),
				suggestions.stream().limit(TOP).map(ReportPlace::description).toList(), !needs.isEmpty(), needLines);
	}

	/** The report as a PDF. */
	public byte[] pdf(RegionView region, YearMonth month) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			HealthReportPdf.write(build(region, month), out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	@Scheduled(cron = "${chengguan.assessment.health-report-cron:0 30 2 1 * *}",
			zone = "${chengguan.time-zone:Asia/Shanghai}")
	@SchedulerLock(name = "health-reports", lockAtMostFor = "PT2H")
	void scheduled() {
		generateMonthly();
	}

	/**
	 * Makes and keeps last month's report for every street and community that has none yet (a rerun after a
	 * failure picks up where it stopped).
	 * @return how many reports were made
	 */
	public int generateMonthly() {
		YearMonth month = YearMonth.from(LocalDate.ofInstant(clock.instant(), platform.timeZone())).minusMonths(1);
		int made = 0;
		for (RegionView region : regions.within(new DataScope(root().id(), root().path(), root().name()))) {
			if (region.level() != RegionLevel.STREET && region.level() != RegionLevel.COMMUNITY) {
				continue;
			}
			if (storedFor(region.id(), month).isPresent()) {
				continue;
			}
			String fileId = files.store(pdf(region, month), "application/pdf");
			jdbc.sql("""
					INSERT INTO health_report (region_id, region_path, report_month, file_id, generated_at)
					VALUES (?, ?, ?, ?, ?)""")
				.params(region.id(), region.path(), month.atDay(1), fileId, DbTime.utc(clock.instant()))
				.update();
			made++;
		}
		if (made > 0) {
			auditLog.recordIndependently("system", null, AuditAction.HEALTH_REPORT_GENERATED, "month", month.toString(),
					made + " reports");
			log.info("Health reports for {}: {} made", month, made);
		}
		return made;
	}

	/** The kept reports below the scope, newest month first. */
	public List<Stored> stored(DataScope scope, int limit) {
		return jdbc.sql("""
				SELECT h.id, h.region_id, r.name, h.report_month, h.generated_at, h.file_id
				FROM health_report h JOIN region r ON r.id = h.region_id
				WHERE h.region_path LIKE ? ORDER BY h.report_month DESC, r.path LIMIT\s""" + limit)
			.param(scope.pathPattern())
			.query((rs, n) -> new Stored(rs.getLong(1), rs.getLong(2), rs.getString(3),
					YearMonth.from(rs.getObject(4, LocalDate.class)), rs.getObject(5, OffsetDateTime.class).toInstant(),
					rs.getString(6)))
			.list();
	}

	/** A kept report's file, if it is below the scope. */
	public Optional<StoredFile> storedFile(long id, DataScope scope) {
		return jdbc.sql("SELECT file_id FROM health_report WHERE id = ? AND region_path LIKE ?")
			.params(id, scope.pathPattern())
			.query(String.class)
			.optional()
			.flatMap(files::load);
	}

	private Optional<String> storedFor(long regionId, YearMonth month) {
		return jdbc.sql("SELECT file_id FROM health_report WHERE region_id = ? AND report_month = ?")
			.params(regionId, month.atDay(1))
			.query(String.class)
			.optional();
	}

	private RegionView root() {
		return regions.find(jdbc.sql("SELECT id FROM region WHERE parent_id IS NULL ORDER BY id LIMIT 1")
			.query(Long.class)
			.single()).orElseThrow();
	}

	private Figures withVisits(RegionView region, Period period) {
		Map<String, Figures> visits = queries.visits(region, period);
		return queries.total(region, period)
			.withVisits(visits.values().stream().mapToLong(Figures::visitPairs).sum(),
					visits.values().stream().mapToLong(Figures::visitPairsMet).sum());
	}

	private String categoryName(String key) {
		if (Dimension.NONE.equals(key)) {
			return "未分类";
		}
		return categories.find(Long.parseLong(key)).map(CategoryView::name).orElse("未分类");
	}

	/** Addresses as typed, blanks and spacing ignored; most cases first, then by name. */
	static List<HealthReport.Count> hotAddresses(List<ReportPlace> received) {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (ReportPlace place : received) {
			if (place.address() != null && !place.address().isBlank()) {
				counts.merge(place.address().replaceAll("\\s+", ""), 1L, Long::sum);
			}
		}
		return top(counts);
	}

	/**
	 * Positioned reports per 100 m cell, each named by its south-west corner and the address most often typed in
	 * it.
	 */
	static List<HealthReport.Count> hotCells(List<ReportPlace> received) {
		Map<String, Long> counts = new LinkedHashMap<>();
		Map<String, Map<String, Long>> addresses = new HashMap<>();
		for (ReportPlace place : received) {
			if (place.latitude() == null || place.longitude() == null) {
				continue;
			}
			String cell = corner(place.latitude()) + "," + corner(place.longitude());
			counts.merge(cell, 1L, Long::sum);
			if (place.address() != null && !place.address().isBlank()) {
				addresses.computeIfAbsent(cell, key -> new HashMap<>())
					.merge(place.address().replaceAll("\\s+", ""), 1L, Long::sum);
			}
		}
		Map<String, Long> named = new LinkedHashMap<>();
		counts.forEach((cell, cases) -> {
			String[] corner = cell.split(",");
			String address = Optional.ofNullable(addresses.get(cell))
				.flatMap(found -> found.entrySet()
					.stream()
					.max(Map.Entry.<String, Long>comparingByValue()
						.thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
					.map(Map.Entry::getKey))
				.map(found -> "（" + found + "）")
				.orElse("");
			named.put(corner[0] + "°N " + corner[1] + "°E" + address, cases);
		});
		return top(named);
	}

	private static String corner(BigDecimal degrees) {
		return degrees.divide(CELL_DEGREES, 0, RoundingMode.FLOOR).multiply(CELL_DEGREES).toPlainString();
	}

	private static List<HealthReport.Count> top(Map<String, Long> counts) {
		return counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.limit(TOP)
			.map(entry -> new HealthReport.Count(entry.getKey(), entry.getValue()))
			.toList();
	}

}
