package chengguan.assessment.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import chengguan.assessment.AssessmentQueries;
import chengguan.assessment.Dimension;
import chengguan.assessment.Figures;
import chengguan.assessment.Kpi;
import chengguan.assessment.Period;
import chengguan.assessment.Rollups;
import chengguan.cases.CaseQueries;
import chengguan.cases.CaseRow;
import chengguan.catalog.CategoryService;
import chengguan.catalog.CategoryView;
import chengguan.organization.RegionLevel;
import chengguan.organization.RegionService;
import chengguan.organization.RegionView;
import chengguan.organization.RosterService;
import chengguan.organization.StaffView;
import chengguan.organization.UnitView;
import chengguan.platform.PlatformProperties;
import chengguan.platform.audit.AuditAction;
import chengguan.platform.audit.AuditLog;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.web.InvalidRequestException;
import chengguan.platform.web.MapSettings;

/**
 * The leaders' dashboard: headline KPIs against their targets, trends, top problems, overdue cases, a heat map and
 * rankings for a region in the person's scope, drilled down one level at a time. Figures come from the rollups.
 */
@Controller
@RequestMapping("/assessment")
class DashboardController {

	/** The KPIs the ranking and breakdown tables show, besides volume. */
	static final List<Kpi> TABLE_KPIS = List.of(Kpi.CLOSURE_RATE, Kpi.ON_TIME_CLOSURE_RATE, Kpi.SATISFACTION_RATE,
			Kpi.TIMELY_ACCEPTANCE_RATE, Kpi.REWORK_RATE, Kpi.RESPONSE_AVERAGE);

	private static final int TREND_MONTHS = 12;

	private static final int TOP_CATEGORIES = 10;

	private static final int OVERDUE_SHOWN = 10;

	private final AssessmentQueries queries;

	private final Rollups rollups;

	private final RegionService regions;

	private final CategoryService categories;

	private final RosterService roster;

	private final CaseQueries cases;

	private final MessageSource messages;

	private final MapSettings maps;

	private final PlatformProperties platform;

	private final AuditLog auditLog;

	private final Clock clock;

	private final chengguan.cases.StageClocks stageClocks;

	DashboardController(AssessmentQueries queries, Rollups rollups, RegionService regions,
			CategoryService categories, RosterService roster, CaseQueries cases, MessageSource messages,
			MapSettings maps, PlatformProperties platform, AuditLog auditLog, Clock clock,
			chengguan.cases.StageClocks stageClocks) {
		this.stageClocks = stageClocks;
		this.queries = queries;
		this.rollups = rollups;
		this.regions = regions;
		this.categories = categories;
		this.roster = roster;
		this.cases = cases;
		this.messages = messages;
		this.maps = maps;
		this.platform = platform;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** A KPI's value against its target. */
	record Headline(Kpi kpi, String value, String target, Boolean meets) {
	}

	/** One line of a ranking or breakdown table; {@code regionId} set when it can be drilled into. */
	record TableRow(String name, Long regionId, long received, List<String> values, Figures figures) {
	}

	@GetMapping("/kpis")
	String kpis(Model model) {
		model.addAttribute("kpis", Kpi.values());
		model.addAttribute("buckets", Figures.BUCKET_MINUTES.length - 1);
		return "assessment/kpis";
	}

	@GetMapping("/dashboard")
	@PreAuthorize("hasAnyRole('LEADER', 'ADMIN', 'DISPATCHER', 'INSPECTOR')")
	String dashboard(@RequestParam(required = false) Long regionId,
			@RequestParam(defaultValue = "MONTH") Period.Kind period,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(defaultValue = "CATEGORY") Dimension by,
			@RequestParam(defaultValue = "CLOSURE_RATE") String rank, @AuthenticationPrincipal StaffPrincipal me,
			Model model) {
		LocalDate today = LocalDate.ofInstant(clock.instant(), platform.timeZone());
		RegionView region = regions.get(regionId == null ? me.scope().homeRegionId() : regionId, me);
		Period shown = Period.of(period, date == null ? today : date);
		List<RegionView> inScope = regions.within(me.scope());

		Map<String, Figures> visits = queries.visits(region, shown);
		Figures total = queries.total(region, shown).withVisits(
				visits.values().stream().mapToLong(Figures::visitPairs).sum(),
				visits.values().stream().mapToLong(Figures::visitPairsMet).sum());
		List<Headline> headlines = new ArrayList<>();
		for (Kpi kpi : Kpi.values()) {
			Double value = kpi.value(total);
			headlines.add(new Headline(kpi, kpi.format(value), kpi.targetText(), kpi.meetsTarget(value)));
		}

		LocalDate lastMonth = shown.end().withDayOfMonth(1);
		Map<LocalDate, Figures> trend = queries.monthly(region, lastMonth.minusMonths(TREND_MONTHS - 1), lastMonth);
		Map<String, Figures> byCategory = queries.by(Dimension.CATEGORY, region, shown);
		List<Map.Entry<String, Figures>> topCategories = byCategory.entrySet()
			.stream()
			.limit(TOP_CATEGORIES)
			.toList();

		Map<String, Figures> byPlace = queries.byPlace(region, shown);
		List<RegionView> children = inScope.stream()
			.filter(r -> region.id() == (r.parentId() == null ? -1 : r.parentId()))
			.toList();
		List<RegionView> communities = region.level().ordinal() < RegionLevel.STREET.ordinal()
				? inScope.stream()
					.filter(r -> r.level() == RegionLevel.COMMUNITY && r.path().startsWith(region.path()))
					.toList()
				: List.of();

		model.addAttribute("region", region);
		model.addAttribute("lineage", regions.lineage(region).stream().filter(r -> me.scope().covers(r.path())).toList());
		model.addAttribute("period", shown);
		model.addAttribute("kinds", Period.Kind.values());
		model.addAttribute("dimensions", List.of(Dimension.CATEGORY, Dimension.CHANNEL, Dimension.UNIT, Dimension.STAFF));
		model.addAttribute("by", by);
		model.addAttribute("rank", rank);
		model.addAttribute("refreshedAt", rollups.refreshedAt().orElse(null));
		model.addAttribute("headlines", headlines);
		model.addAttribute("workflow", total.workflow());
		model.addAttribute("tableKpis", TABLE_KPIS);
		model.addAttribute("trendMonths", trend.keySet().stream().map(m -> YearMonth.from(m).toString()).toList());
		model.addAttribute("trendReceived", trend.values().stream().map(f -> Long.toString(f.received())).toList());
		model.addAttribute("trendClosure", series(trend.values(), Kpi.CLOSURE_RATE));
		model.addAttribute("trendSatisfaction", series(trend.values(), Kpi.SATISFACTION_RATE));
		model.addAttribute("categoryNames", topCategories.stream().map(e -> categoryName(e.getKey())).toList());
		model.addAttribute("categoryCounts",
				topCategories.stream().map(e -> Long.toString(e.getValue().received())).toList());
		model.addAttribute("childRows", ranked(regionRows(children, byPlace, visits), rank));
		model.addAttribute("communityRows", ranked(regionRows(communities, byPlace, visits), rank));
		model.addAttribute("breakdown", breakdown(by, queries.by(by, region, shown)));
		List<CaseRow> overdue = cases.rows(queries.overdueCaseIds(region, OVERDUE_SHOWN + 1), me);
		model.addAttribute("overdue", overdue.stream().limit(OVERDUE_SHOWN).toList());
		model.addAttribute("overdueMore", overdue.size() > OVERDUE_SHOWN);
		// per-stage timeliness in the period, from the stage clocks (deadlines counted on the work calendar)
		model.addAttribute("stageTimeliness", stageClocks.timeliness(region.path() + "%",
				shown.start().atStartOfDay(platform.timeZone()).toInstant(),
				shown.end().plusDays(1).atStartOfDay(platform.timeZone()).toInstant()));
		YearMonth heatTo = YearMonth.from(shown.end());
		model.addAttribute("heatFrom", YearMonth.from(shown.start()).toString());
		model.addAttribute("heatTo", heatTo.toString());
		model.addAttribute("heatMonths", java.util.stream.IntStream.range(0, 24)
			.mapToObj(i -> YearMonth.from(today).minusMonths(i).toString())
			.toList());
		model.addAttribute("maps", maps);
		model.addAttribute("center", region.latitude() != null ? List.of(region.latitude(), region.longitude())
				: List.of(maps.centerLatitude(), maps.centerLongitude()));
		return "assessment/dashboard";
	}

	/** Cases per map cell for the heat map, months from … to inclusive (yyyy-MM). */
	@GetMapping("/heatmap")
	@PreAuthorize("hasAnyRole('LEADER', 'ADMIN', 'DISPATCHER', 'INSPECTOR')")
	@ResponseBody
	List<AssessmentQueries.HeatCell> heatmap(@RequestParam(required = false) Long regionId,
			@RequestParam String from, @RequestParam String to, @AuthenticationPrincipal StaffPrincipal me) {
		RegionView region = regions.get(regionId == null ? me.scope().homeRegionId() : regionId, me);
		YearMonth first = month(from);
		YearMonth last = month(to);
		if (last.isBefore(first) || first.plusYears(5).isBefore(last)) {
			throw new InvalidRequestException("assessment.heat.range");
		}
		return queries.heat(region, first.atDay(1), last.atDay(1));
	}

	@PostMapping("/rollups/rebuild")
	@PreAuthorize("hasRole('ADMIN')")
	String rebuild(RedirectAttributes redirect) {
		int count = rollups.rebuild();
		auditLog.record(AuditAction.ASSESSMENT_REBUILT, "assessment", null, count + " cases");
		redirect.addFlashAttribute("notice", "assessmentRebuilt");
		redirect.addFlashAttribute("noticeArgs", new Object[] { count });
		return "redirect:/assessment/dashboard";
	}

	private static YearMonth month(String text) {
		try {
			return YearMonth.parse(text);
		}
		catch (java.time.DateTimeException ex) {
			throw new InvalidRequestException("assessment.heat.range");
		}
	}

	/** Values for a chart line: "-" where there is nothing to measure (ECharts leaves a gap). */
	private static List<String> series(java.util.Collection<Figures> months, Kpi kpi) {
		return months.stream().map(f -> {
			Double value = kpi.value(f);
			return value == null ? "-" : String.format(Locale.ROOT, "%.1f", value);
		}).toList();
	}

	/** Each region with the places below it added up. */
	private static List<TableRow> regionRows(List<RegionView> shownRegions, Map<String, Figures> byPlace,
			Map<String, Figures> visits) {
		List<TableRow> rows = new ArrayList<>();
		for (RegionView r : shownRegions) {
			Figures sum = Figures.NONE;
			for (Map.Entry<String, Figures> place : byPlace.entrySet()) {
				if (place.getKey().startsWith(r.path())) {
					sum = sum.plus(place.getValue());
				}
			}
			long pairs = 0;
			long met = 0;
			for (Map.Entry<String, Figures> community : visits.entrySet()) {
				if (community.getKey().startsWith(r.path())) {
					pairs += community.getValue().visitPairs();
					met += community.getValue().visitPairsMet();
				}
			}
			sum = sum.withVisits(pairs, met);
			rows.add(row(r.name(), r.id(), sum));
		}
		return rows;
	}

	private static TableRow row(String name, Long regionId, Figures figures) {
		List<String> values = new ArrayList<>();
		for (Kpi kpi : TABLE_KPIS) {
			values.add(kpi.format(kpi.value(figures)));
		}
		values.add(Kpi.VISIT_COMPLIANCE.format(Kpi.VISIT_COMPLIANCE.value(figures)));
		return new TableRow(name, regionId, figures.received(), values, figures);
	}

	/** Best first by the chosen KPI (or by volume); rows with nothing to measure last. */
	private static List<TableRow> ranked(List<TableRow> rows, String rank) {
		if ("VOLUME".equals(rank)) {
			return rows.stream().sorted(Comparator.comparingLong(TableRow::received).reversed()).toList();
		}
		Kpi kpi = java.util.Arrays.stream(Kpi.values()).filter(k -> k.name().equals(rank)).findFirst()
			.orElse(Kpi.CLOSURE_RATE);
		Comparator<Double> better = kpi.direction() == Kpi.Direction.HIGHER ? Comparator.reverseOrder()
				: Comparator.naturalOrder();
		return rows.stream()
			.sorted(Comparator.comparing((TableRow row) -> kpi.value(row.figures()),
					Comparator.nullsLast(better)).thenComparing(Comparator.comparingLong(TableRow::received).reversed()))
			.toList();
	}

	private List<TableRow> breakdown(Dimension by, Map<String, Figures> figures) {
		Map<String, String> names = new HashMap<>();
		Function<String, String> name = key -> names.computeIfAbsent(key, k -> keyName(by, k));
		return figures.entrySet().stream().map(e -> row(name.apply(e.getKey()), null, e.getValue()))
			.collect(Collectors.toList());
	}

	private String keyName(Dimension by, String key) {
		if (Dimension.NONE.equals(key)) {
			return switch (by) {
				case CATEGORY -> "未分类";
				case UNIT -> "未派遣";
				case STAFF -> "未指定人员";
				default -> "—";
			};
		}
		return switch (by) {
			case CATEGORY -> categoryName(key);
			case CHANNEL -> messages.getMessage("report.channel." + key, null, key, LocaleContextHolder.getLocale());
			case UNIT -> roster.findUnit(Long.parseLong(key)).map(UnitView::name).orElse(key);
			case STAFF -> roster.findStaff(Long.parseLong(key)).map(StaffView::name).orElse(key);
			case ALL -> "合计";
		};
	}

	private String categoryName(String key) {
		return Dimension.NONE.equals(key) ? "未分类"
				: categories.find(Long.parseLong(key)).map(CategoryView::name).orElse(key);
	}

}
