package chengguan.cases.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import chengguan.cases.CaseAction;
import chengguan.cases.CaseService;
import chengguan.cases.CaseView;
import chengguan.catalog.CategoryService;
import chengguan.catalog.CategoryView;
import chengguan.intake.Channel;
import chengguan.intake.IntakeService;
import chengguan.intake.Rating;
import chengguan.intake.ReportKind;
import chengguan.intake.ReportSubmission;
import chengguan.organization.RegionService;
import chengguan.organization.RegionView;
import chengguan.organization.RosterService;
import chengguan.organization.UnitView;
import chengguan.platform.PlatformProperties;
import chengguan.platform.RewindableClock;
import chengguan.platform.security.ActingStaff;
import chengguan.platform.security.DataScope;
import chengguan.platform.security.Role;
import chengguan.platform.security.StaffPrincipal;

/**
 * A year of past cases played through the real services at their own times (the clock is rewound on this thread
 * only), so the dashboard, the rankings and the reports have a history to show: most closed and rated, some
 * reworked, some declined, the last weeks' still open. Demo profile only, once, and only with the platform's own
 * clock; tests turn it off ({@code chengguan.demo.case-history=false}) to keep their database small and known.
 */
@Component
@Profile("demo")
@ConditionalOnBooleanProperty(name = "chengguan.demo.case-history", matchIfMissing = true)
@Order(35)
class DemoCaseHistory implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCaseHistory.class);

	private static final int CASES = 240;

	private static final List<String> CATEGORIES = List.of("E0101", "E0101", "E0101", "E050101", "E050101", "E050201",
			"E050201", "E0503", "E0503", "E050401", "C0109", "E0111", "E050102", "E0201", "C0402");

	private static final List<Channel> CHANNELS = List.of(Channel.QR_CODE, Channel.QR_CODE, Channel.QR_CODE,
			Channel.QR_CODE, Channel.HOTLINE_12345, Channel.HOTLINE_12345, Channel.HOTLINE_12345, Channel.PATROL,
			Channel.GRID, Channel.PHONE, Channel.WALK_IN, Channel.COMMUNITY_BODY);

	private static final List<String> COMMUNITIES = List.of("370471001001", "370471001002", "370471001003",
			"370471001004", "370471001005", "370471001006", "370471002007", "370471002008", "370471003009");

	private final Clock clock;

	private final IntakeService intake;

	private final CaseService cases;

	private final CategoryService categories;

	private final RegionService regions;

	private final RosterService roster;

	private final JdbcClient jdbc;

	private final PlatformProperties platform;

	DemoCaseHistory(Clock clock, IntakeService intake, CaseService cases, CategoryService categories,
			RegionService regions, RosterService roster, JdbcClient jdbc, PlatformProperties platform) {
		this.clock = clock;
		this.intake = intake;
		this.cases = cases;
		this.categories = categories;
		this.regions = regions;
		this.roster = roster;
		this.jdbc = jdbc;
		this.platform = platform;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!(clock instanceof RewindableClock rewindable) || jdbc
			.sql("SELECT COUNT(*) FROM case_file WHERE created_at < ?")
			.param(java.time.OffsetDateTime.ofInstant(clock.instant().minus(Duration.ofDays(7)), java.time.ZoneOffset.UTC))
			.query(Integer.class)
			.single() > 0) {
			return;
		}
		Random random = new Random(2026);
		StaffPrincipal office = new ActingStaff("dispatcher", "指挥中心", Set.of(Role.DISPATCHER, Role.ADMIN),
				DataScope.EVERYWHERE, null, null);
		LocalDate today = LocalDate.ofInstant(clock.instant(), platform.timeZone());
		int played = 0;
		for (int i = 0; i < CASES; i++) {
			int daysAgo = 8 + random.nextInt(358);
			Instant received = ZonedDateTime
				.of(today.minusDays(daysAgo).atTime(7 + random.nextInt(13), random.nextInt(60)), platform.timeZone())
				.toInstant();
			String communityCode = COMMUNITIES.get(random.nextInt(COMMUNITIES.size()));
			RegionView community = regions.findByCode(communityCode).orElse(null);
			CategoryView category = categories.findByCode(CATEGORIES.get(random.nextInt(CATEGORIES.size()))).orElse(null);
			if (community == null || category == null) {
				continue;
			}
			Channel channel = CHANNELS.get(random.nextInt(CHANNELS.size()));
			ReportSubmission submission = new ReportSubmission(channel, communityCode, category.code(),
					ReportKind.COMPLAINT, "（演示）" + community.name() + "附近" + category.name() + "，请尽快处理。",
					jitter(community.latitude(), random), jitter(community.longitude(), random), 30, null, null,
					"1390002" + String.format("%04d", i), List.of(), null, null,
					channel == Channel.HOTLINE_12345 ? "DEMO-H-" + i : null, received);
			long reportId = rewindable.at(received, () -> intake.importWorkOrder(submission, "demo").id());
			play(rewindable, cases.forReport(reportId, office).orElseThrow(), category, received, daysAgo, random, office);
			played++;
		}
		log.info("Demo data: {} past cases played through the loop over the last year", played);
	}

	private void play(RewindableClock clock, CaseView c, CategoryView category, Instant received, int daysAgo,
			Random random, StaffPrincipal office) {
		Instant t = received.plus(Duration.ofMinutes(10 + random.nextInt(random.nextInt(10) == 0 ? 600 : 90)));
		if (random.nextInt(20) == 0) {
			step(clock, c, CaseAction.DECLINE, t, "经核实不属于城市管理职责，已告知反映人向物业反映", null, office);
			return;
		}
		c = step(clock, c, CaseAction.ACCEPT, t, null, null, office);
		c = step(clock, c, CaseAction.REGISTER, t = t.plus(Duration.ofMinutes(5)), null, null, office);
		Long unit = roster.findUnitByName(category.responsibleDepartment())
			.or(() -> roster.findUnitByName("城市管理科"))
			.map(UnitView::id)
			.orElse(null);
		c = step(clock, c, CaseAction.DISPATCH, t = t.plus(Duration.ofMinutes(10)), null, unit, office);
		// the last weeks' cases are still on their way
		if (daysAgo < 21 && random.nextInt(3) == 0) {
			return;
		}
		c = step(clock, c, CaseAction.START, t = t.plus(Duration.ofMinutes(30 + random.nextInt(120))), null, null, office);
		Duration handling = Duration.ofMinutes(60 + random.nextInt(random.nextInt(6) == 0 ? 6 * 1440 : 1440));
		c = step(clock, c, CaseAction.FEEDBACK_DONE, t = t.plus(handling), "已按要求处理完毕，现场已恢复", null, office);
		if (random.nextInt(12) == 0) {
			c = step(clock, c, CaseAction.VERIFY_FAIL, t = t.plus(Duration.ofHours(2)), "现场核查仍有遗留，退回重办", null, office);
			c = step(clock, c, CaseAction.FEEDBACK_DONE, t = t.plus(Duration.ofHours(20)), "遗留问题已处理", null, office);
		}
		c = step(clock, c, CaseAction.VERIFY_PASS, t = t.plus(Duration.ofHours(2)), null, null, office);
		int mood = random.nextInt(20);
		if (mood == 0) {
			return; // nobody rated it yet
		}
		Rating rating = mood == 1 ? Rating.DISSATISFIED : mood < 5 ? Rating.FAIRLY_SATISFIED : Rating.SATISFIED;
		Instant ratedAt = t.plus(Duration.ofHours(4 + random.nextInt(40)));
		String code = c.trackingCode();
		clock.at(ratedAt, () -> {
			intake.rate(code, rating, rating == Rating.DISSATISFIED ? "处理不彻底，过两天又出现了" : null);
			return null;
		});
	}

	private CaseView step(RewindableClock clock, CaseView c, CaseAction action, Instant at, String note, Long unit,
			StaffPrincipal office) {
		return clock.at(at, () -> cases.act(c.id(), action, c.version(), note, unit, office));
	}

	private static BigDecimal jitter(BigDecimal value, Random random) {
		return value == null ? null
				: value.add(BigDecimal.valueOf((random.nextDouble() - 0.5) * 0.012)).setScale(6, RoundingMode.HALF_UP);
	}

}
