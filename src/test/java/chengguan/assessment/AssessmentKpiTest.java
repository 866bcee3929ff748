package chengguan.assessment;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import chengguan.cases.CaseAction;
import chengguan.cases.CaseService;
import chengguan.cases.CaseState;
import chengguan.cases.CaseView;
import chengguan.fieldwork.DutyLogEntry;
import chengguan.fieldwork.DutyLogs;
import chengguan.fieldwork.VisitPeriod;
import chengguan.fieldwork.VisitRule;
import chengguan.fieldwork.VisitRules;
import chengguan.fieldwork.WorkItem;
import chengguan.intake.Channel;
import chengguan.intake.IntakeService;
import chengguan.intake.Rating;
import chengguan.intake.ReportKind;
import chengguan.intake.ReportSubmission;
import chengguan.organization.AssignmentDetails;
import chengguan.organization.AssignmentService;
import chengguan.organization.RegionDetails;
import chengguan.organization.RegionLevel;
import chengguan.organization.RegionService;
import chengguan.organization.RegionView;
import chengguan.organization.RosterService;
import chengguan.organization.StaffDetails;
import chengguan.organization.TeamRole;
import chengguan.platform.security.Role;
import chengguan.platform.security.StaffPrincipal;
import chengguan.support.MutableClock;
import chengguan.support.OwnRegionsTest;
import chengguan.support.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every KPI on a hand-built month of cases in a street of its own, driven through the real services with the clock
 * moved to each step. The answers are worked out below, case by case:
 *
 * <pre>
 * (March 2025, Asia/Shanghai; category 暴露垃圾: accept within 60 min, handle within 240 min, calendar time)
 * A  扫码  03-10 09:00  受理 +10 min, 立案 +20, 派遣 +30, 反馈 +150, 结案 +180 (due +260), rated 满意 → 销号
 * B  扫码  03-10 10:00  受理 +90 min (late), 派遣 +100, 反馈 +400, 结案, rated 不满意 → 返工, still 处置中
 * C  12345 03-10 11:00  受理 +5 min, 派遣 +15, 反馈 +75, 核查不通过, 反馈, 结案 +540 (due +250: late), not rated
 * D  接访  03-10 12:00  不予立案 (out of every rate; still a resident's local report for diversion)
 * E  巡查  03-10 13:00  现场解决 +20 min (accepts and closes; no handling limit, no handling time)
 * F  扫码  03-31 23:30  受理 +15, 派遣 +20, 反馈 +140 (04-01 01:50), 结案 04-01 02:00, rated 基本满意 → 销号
 * G  扫码  03-10 14:00  never accepted, within no marked overdue: not in 及时受理率
 * H  扫码  04-01 00:10  (= 03-31 16:10 UTC) belongs to April; stays 待受理
 *
 * received 7, counted 6 (all but D), closed 4 (A C E F), on time 3 (A E F), reworked among closed 1 (C)
 * rated 3 (A B F), satisfied 2 (A F); accept measured 5 (A B C E F), on time 4 (all but B)
 * response: 10, 90, 5, 20, 15 min → average 28 min; P90 = rank 5 of 5 = 90 min → bucket ≤ 120 min
 * handling (派遣 → first 反馈): A 120, B 300, C 60, F 120 min → average 150 min; P90 rank 4 = 300 → ≤ 480 min
 * diversion: local A B D F G = 5, 12345 C = 1 → 5/6
 * visits: liaison 1 visits twice, liaison 2 once; rule ≥ 2 visits a month → 1 of 2 pairs met
 * </pre>
 */
class AssessmentKpiTest extends OwnRegionsTest {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final LocalDate MARCH = LocalDate.of(2025, 3, 1);

	@Autowired
	IntakeService intake;

	@Autowired
	CaseService cases;

	@Autowired
	Rollups rollups;

	@Autowired
	AssessmentQueries queries;

	@Autowired
	RegionService regions;

	@Autowired
	RosterService roster;

	@Autowired
	AssignmentService assignments;

	@Autowired
	VisitRules visitRules;

	@Autowired
	DutyLogs dutyLogs;

	@Autowired
	TestAccounts accounts;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	private RegionView street;

	private RegionView community;

	@BeforeEach
	void aStreetOfItsOwn() {
		RegionView district = regions.findByCode("370471").orElseThrow();
		String code = "9" + System.nanoTime() % 100_000_000;
		street = regions.createChildUnchecked(district, RegionLevel.STREET,
				new RegionDetails(code, "考核测试街道" + code, null, null, null, null, null, 99));
		community = regions.createChildUnchecked(street, RegionLevel.COMMUNITY,
				new RegionDetails(code + "001", "考核测试社区", null, null, null, new BigDecimal("34.80"),
						new BigDecimal("117.30"), 1));
	}

	@AfterEach
	void backToNow() {
		clock.reset();
	}

	@Test
	void everyKpiOfAHandBuiltMonthAndTheRollupAfterIncrementalRefreshesEqualsARebuild() throws Exception {
		StaffPrincipal dispatcher = accounts.principal("dispatcher");
		StaffPrincipal handler = accounts.principal("handler");
		ZonedDateTime t0 = ZonedDateTime.of(2025, 3, 10, 9, 0, 0, 0, SHANGHAI);

		CaseView a = report(Channel.QR_CODE, t0, "34.8011", "117.3011");
		CaseView b = report(Channel.QR_CODE, t0.plusHours(1), "34.8013", "117.3013");
		CaseView c = report(Channel.HOTLINE_12345, t0.plusHours(2), "34.8051", "117.3011");
		CaseView d = report(Channel.WALK_IN, t0.plusHours(3), null, null);
		CaseView e = report(Channel.PATROL, t0.plusHours(4), null, null);
		CaseView g = report(Channel.QR_CODE, t0.plusHours(5), null, null);
		ZonedDateTime lastEvening = ZonedDateTime.of(2025, 3, 31, 23, 30, 0, 0, SHANGHAI);
		CaseView f = report(Channel.QR_CODE, lastEvening, null, null);
		CaseView h = report(Channel.QR_CODE, ZonedDateTime.of(2025, 4, 1, 0, 10, 0, 0, SHANGHAI), null, null);
		assertThat(h.createdAt().toString()).startsWith("2025-03-31T16:10");

		// A: on time throughout, rated 满意
		a = handleToClosure(a, t0, 10, 20, 30, 150, 180, dispatcher, handler);
		intake.rate(a.trackingCode(), Rating.SATISFIED, null);

		// B: accepted late, closed, rated 不满意 → back to handling
		b = handleToClosure(b, t0.plusHours(1), 90, 95, 100, 400, 410, dispatcher, handler);
		rollups.refresh(); // the rollups see B closed once, before the rating reopens it
		intake.rate(b.trackingCode(), Rating.DISSATISFIED, "没有清理干净");

		// C: 12345, verification fails once, closed after the handling limit
		ZonedDateTime c0 = t0.plusHours(2);
		at(c0.plusMinutes(5));
		c = act(c, CaseAction.ACCEPT, null, dispatcher);
		at(c0.plusMinutes(10));
		c = act(c, CaseAction.REGISTER, null, dispatcher);
		at(c0.plusMinutes(15));
		c = act(c, CaseAction.DISPATCH, null, dispatcher);
		c = act(c, CaseAction.START, null, handler);
		at(c0.plusMinutes(75));
		c = act(c, CaseAction.FEEDBACK_DONE, "已清运", handler);
		at(c0.plusMinutes(90));
		c = act(c, CaseAction.VERIFY_FAIL, "现场仍有垃圾", dispatcher);
		at(c0.plusMinutes(500));
		c = act(c, CaseAction.FEEDBACK_DONE, "已全部清运", handler);
		at(c0.plusMinutes(540));
		c = act(c, CaseAction.VERIFY_PASS, null, dispatcher);
		assertThat(c.state()).isEqualTo(CaseState.CLOSED);
		assertThat(c.reworkCount()).isEqualTo(1);

		// D declined, E settled on the spot
		at(t0.plusHours(3).plusMinutes(10));
		act(d, CaseAction.DECLINE, "不属于城管职责", dispatcher);
		at(t0.plusHours(4).plusMinutes(20));
		e = act(e, CaseAction.RESOLVE_ON_SPOT, "巡查人员当场清理", dispatcher);
		assertThat(e.state()).isEqualTo(CaseState.CLOSED);
		rollups.refresh();

		// F: received on the 31st at 23:30, closed on 1 April, rated 基本满意
		f = handleToClosure(f, lastEvening, 15, 18, 20, 140, 150, dispatcher, handler);
		intake.rate(f.trackingCode(), Rating.FAIRLY_SATISFIED, null);
		assertThat(cases.get(f.id(), dispatcher).closedAt()).isAfter(h.createdAt());

		// visits: two liaisons of the community, a rule of two visits a month set on the street
		long unit = jdbc.sql("SELECT id FROM org_unit WHERE name = '市政管理科'").query(Long.class).single();
		long liaison1 = roster.createStaffUnchecked(new StaffDetails("测试联络员甲", unit, "联络员", null, null, null, true)).id();
		long liaison2 = roster.createStaffUnchecked(new StaffDetails("测试联络员乙", unit, "联络员", null, null, null, true)).id();
		assignments.assignUnchecked(community.id(), new AssignmentDetails("社区联系人", null, null, null, new TreeSet<>(),
				null, Map.of(liaison1, TeamRole.LIAISON, liaison2, TeamRole.LIAISON)));
		visitRules.setUnchecked(new VisitRule(street.id(), VisitPeriod.MONTH, 2, 30, 0, "测试规则"));
		at(ZonedDateTime.of(2025, 4, 2, 10, 0, 0, 0, SHANGHAI));
		visit(liaison1, LocalDate.of(2025, 3, 5));
		visit(liaison1, LocalDate.of(2025, 3, 12));
		visit(liaison2, LocalDate.of(2025, 3, 5));

		rollups.refresh();
		Figures march = queries.total(street, Period.of(Period.Kind.MONTH, MARCH));
		Map<String, Figures> visits = queries.visits(street, Period.of(Period.Kind.MONTH, MARCH));
		march = march.withVisits(visits.values().stream().mapToLong(Figures::visitPairs).sum(),
				visits.values().stream().mapToLong(Figures::visitPairsMet).sum());

		assertThat(march.received()).isEqualTo(7);
		assertThat(march.counted()).isEqualTo(6);
		assertThat(Kpi.CLOSURE_RATE.value(march)).isCloseTo(100.0 * 4 / 6, within(1e-9));
		assertThat(Kpi.ON_TIME_CLOSURE_RATE.value(march)).isCloseTo(75.0, within(1e-9));
		assertThat(Kpi.SATISFACTION_RATE.value(march)).isCloseTo(100.0 * 2 / 3, within(1e-9));
		assertThat(Kpi.TIMELY_ACCEPTANCE_RATE.value(march)).isCloseTo(80.0, within(1e-9));
		assertThat(Kpi.REWORK_RATE.value(march)).isCloseTo(25.0, within(1e-9));
		assertThat(Kpi.RESPONSE_AVERAGE.value(march)).isCloseTo(28.0, within(1e-9));
		assertThat(Kpi.RESPONSE_P90.value(march)).isEqualTo(120.0);
		assertThat(Kpi.HANDLING_AVERAGE.value(march)).isCloseTo(150.0, within(1e-9));
		assertThat(Kpi.HANDLING_P90.value(march)).isEqualTo(480.0);
		assertThat(Kpi.HOTLINE_DIVERSION.value(march)).isCloseTo(100.0 * 5 / 6, within(1e-9));
		assertThat(Kpi.VISIT_COMPLIANCE.value(march)).isCloseTo(50.0, within(1e-9));
		// a monthly rule says nothing about one week
		assertThat(queries.visits(street, Period.of(Period.Kind.WEEK, LocalDate.of(2025, 3, 5)))).isEmpty();
		assertThat(march.responseHistogram()).startsWith(1, 2, 1, 0, 1);
		assertThat(Kpi.CLOSURE_RATE.format(Kpi.CLOSURE_RATE.value(march))).isEqualTo("66.7 %");
		assertThat(Kpi.CLOSURE_RATE.meetsTarget(Kpi.CLOSURE_RATE.value(march))).isFalse();
		assertThat(Kpi.RESPONSE_P90.format(Kpi.RESPONSE_P90.value(march))).isEqualTo("≤ 2 小时");
		assertThat(Kpi.HANDLING_AVERAGE.format(Kpi.HANDLING_AVERAGE.value(march))).isEqualTo("2 小时 30 分");

		// the quarter adds up the months (January and February are empty); the 31st's day holds F alone
		assertThat(queries.total(street, Period.of(Period.Kind.QUARTER, MARCH))).isEqualTo(queries.total(street,
				Period.of(Period.Kind.MONTH, MARCH)));
		Figures the31st = queries.total(street, Period.of(Period.Kind.DAY, LocalDate.of(2025, 3, 31)));
		assertThat(the31st.received()).isEqualTo(1);
		assertThat(the31st.closed()).isEqualTo(1);
		assertThat(the31st.satisfied()).isEqualTo(1);
		Figures week = queries.total(street, Period.of(Period.Kind.WEEK, LocalDate.of(2025, 3, 12)));
		assertThat(week.received()).isEqualTo(6); // 10 March is a Monday: A B C D E G

		// April: only H, received at 00:10 on the 1st in Shanghai; nobody rated anything → no satisfaction rate
		Figures april = queries.total(street, Period.of(Period.Kind.MONTH, LocalDate.of(2025, 4, 1)));
		assertThat(april.received()).isEqualTo(1);
		assertThat(Kpi.CLOSURE_RATE.value(april)).isEqualTo(0.0);
		assertThat(Kpi.SATISFACTION_RATE.value(april)).isNull();
		assertThat(Kpi.SATISFACTION_RATE.format(Kpi.SATISFACTION_RATE.value(april))).isEqualTo("—");
		assertThat(Kpi.RESPONSE_P90.value(april)).isNull();

		// breakdowns: channels and the one unit everything was dispatched to
		Map<String, Figures> byChannel = queries.by(Dimension.CHANNEL, street, Period.of(Period.Kind.MONTH, MARCH));
		assertThat(byChannel.get("QR_CODE").received()).isEqualTo(4);
		assertThat(byChannel.get("HOTLINE_12345").closed()).isEqualTo(1);
		Map<String, Figures> byUnit = queries.by(Dimension.UNIT, street, Period.of(Period.Kind.MONTH, MARCH));
		assertThat(byUnit.get(Long.toString(unit)).received()).isEqualTo(4);
		assertThat(byUnit.get(Dimension.NONE).received()).isEqualTo(3);

		// heat: A and B in one 0.002° cell, C in another; no position for the rest
		List<AssessmentQueries.HeatCell> heat = queries.heat(street, MARCH, MARCH);
		assertThat(heat).extracting(AssessmentQueries.HeatCell::cases).containsExactlyInAnyOrder(2L, 1L);
		assertThat(heat).anySatisfy(cell -> {
			assertThat(cell.cases()).isEqualTo(2);
			assertThat(cell.south()).isCloseTo(34.800, within(1e-9));
			assertThat(cell.west()).isCloseTo(117.300, within(1e-9));
		});

		// what the incremental refreshes built is exactly what a rebuild from scratch builds
		List<Map<String, Object>> incremental = snapshot();
		rollups.rebuild();
		assertThat(snapshot()).isEqualTo(incremental);
		assertThat(incremental).hasSizeGreaterThan(10);
	}

	@Test
	void theDashboardShowsTheFiguresAndKeepsAStreetLeaderToTheirStreet() throws Exception {
		StaffPrincipal dispatcher = accounts.principal("dispatcher");
		StaffPrincipal handler = accounts.principal("handler");
		ZonedDateTime t0 = ZonedDateTime.of(2025, 5, 6, 9, 0, 0, 0, SHANGHAI);
		CaseView a = report(Channel.QR_CODE, t0, "34.8011", "117.3011");
		a = handleToClosure(a, t0, 10, 20, 30, 150, 180, dispatcher, handler);
		intake.rate(a.trackingCode(), Rating.SATISFIED, null);
		CaseView waiting = report(Channel.HOTLINE_12345, t0.plusHours(1), null, null);
		at(t0.plusHours(3)); // an hour past its accept limit
		rollups.refresh();

		String leader = accounts.newAccount("kpi-leader", street.code(), Role.LEADER);
		mvc.perform(get("/assessment/dashboard").param("date", "2025-05-20").with(accounts.as(leader)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(street.name() + " 数据看板")))
			.andExpect(content().string(containsString("数据更新于")))
			// 1 of 2 closed, 1 of 1 satisfied, 1 of 2 through the community rather than 12345
			.andExpect(content().string(containsString("id=\"kpi-CLOSURE_RATE\">50.0 %")))
			.andExpect(content().string(containsString("id=\"kpi-SATISFACTION_RATE\">100.0 %")))
			.andExpect(content().string(containsString("id=\"kpi-HOTLINE_DIVERSION\">50.0 %")))
			.andExpect(content().string(containsString("暴露垃圾")))
			.andExpect(content().string(containsString("href=\"/cases/" + waiting.id() + "\"")))
			.andExpect(content().string(not(containsString("href=\"/cases/" + a.id() + "\""))))
			.andExpect(content().string(containsString("考核测试社区")));
		mvc.perform(get("/assessment/heatmap").param("from", "2025-05").param("to", "2025-05")
			.with(accounts.as(leader)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].cases").value(1));

		long otherStreet = regions.findByCode("370471002").orElseThrow().id();
		mvc.perform(get("/assessment/dashboard").param("regionId", Long.toString(otherStreet))
			.with(accounts.as(leader))).andExpect(status().isNotFound());
		mvc.perform(get("/assessment/dashboard").with(accounts.as("xingren"))).andExpect(status().isForbidden());
		mvc.perform(get("/assessment/heatmap").param("from", "2025-13").param("to", "2025-05")
			.with(accounts.as(leader))).andExpect(status().isBadRequest());
		mvc.perform(get("/assessment/dashboard").param("period", "YEAR").with(accounts.as(leader)))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/assessment/kpis").with(accounts.as("xingren")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("（满意 + 基本满意）÷ 有居民回访评价的案件数")));
	}

	// ---- building the month

	private CaseView report(Channel channel, ZonedDateTime receivedAt, String latitude, String longitude) {
		at(receivedAt);
		long reportId = intake.importWorkOrder(new ReportSubmission(channel, community.code(), "E0101",
				ReportKind.COMPLAINT, "小区门口垃圾堆放无人清理，气味很大", latitude == null ? null : new BigDecimal(latitude),
				longitude == null ? null : new BigDecimal(longitude), latitude == null ? null : 10, "测试路 1 号", null,
				null, List.of(), null, null, null, receivedAt.toInstant()), "test").id();
		return cases.forReport(reportId, TestAccounts.EVERYWHERE).orElseThrow();
	}

	/** 受理, 立案, 派遣 (and 签收 at once), 反馈, 核查通过 at these minutes after receipt. */
	private CaseView handleToClosure(CaseView c, ZonedDateTime received, int accept, int register, int dispatch,
			int feedback, int close, StaffPrincipal dispatcher, StaffPrincipal handler) {
		at(received.plusMinutes(accept));
		c = act(c, CaseAction.ACCEPT, null, dispatcher);
		at(received.plusMinutes(register));
		c = act(c, CaseAction.REGISTER, null, dispatcher);
		at(received.plusMinutes(dispatch));
		c = act(c, CaseAction.DISPATCH, null, dispatcher);
		c = act(c, CaseAction.START, null, handler);
		at(received.plusMinutes(feedback));
		c = act(c, CaseAction.FEEDBACK_DONE, "已清运", handler);
		at(received.plusMinutes(close));
		return act(c, CaseAction.VERIFY_PASS, null, dispatcher);
	}

	private CaseView act(CaseView c, CaseAction action, String note, StaffPrincipal who) {
		Long unit = action == CaseAction.DISPATCH
				? jdbc.sql("SELECT id FROM org_unit WHERE name = '市政管理科'").query(Long.class).single() : null;
		return cases.act(c.id(), action, cases.get(c.id(), who).version(), note, unit, who);
	}

	private void visit(long staffId, LocalDate date) {
		dutyLogs.record(new DutyLogEntry(community.code(), date, LocalTime.of(9, 0), LocalTime.of(10, 0),
				Set.of(WorkItem.PATROL), "社区巡查走访，了解居民诉求", null, null,
				List.of(new DutyLogEntry.Participant(DutyLogEntry.Participant.Role.STAFF, staffId, null, null)), null,
				null, null), accounts.principal("admin"));
	}

	private void at(ZonedDateTime time) {
		clock.advance(Duration.between(clock.instant(), time.toInstant()));
	}

	/** The street's facts, rollup rows and heat cells, in key order. */
	private List<Map<String, Object>> snapshot() {
		List<Map<String, Object>> rows = new java.util.ArrayList<>(jdbc.sql("""
				SELECT * FROM assessment_case_fact WHERE region_path LIKE ? ORDER BY case_id""")
			.param(street.path() + "%").query().listOfRows());
		rows.addAll(jdbc.sql("""
				SELECT * FROM assessment_rollup WHERE region_path LIKE ?
				ORDER BY period_kind, dimension, period_start, region_path, dimension_key""")
			.param(street.path() + "%").query().listOfRows());
		rows.addAll(jdbc.sql("""
				SELECT * FROM assessment_heat_cell WHERE region_path LIKE ?
				ORDER BY period_start, region_path, cell_lat, cell_lng""")
			.param(street.path() + "%").query().listOfRows());
		return rows;
	}

}
