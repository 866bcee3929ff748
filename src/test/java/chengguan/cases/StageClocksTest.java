package chengguan.cases;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import chengguan.calendar.LimitUnit;
import chengguan.calendar.TimeLimit;
import chengguan.intake.Channel;
import chengguan.intake.IntakeService;
import chengguan.intake.Rating;
import chengguan.intake.ReportKind;
import chengguan.intake.ReportSubmission;
import chengguan.platform.security.StaffPrincipal;
import chengguan.support.IntegrationTest;
import chengguan.support.MutableClock;
import chengguan.support.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Each stage's clock (受理, 立案, 派遣, 处置, 核查, 回访) is set and cleared as the case moves, its warning counted in
 * working time, and the inbox's 即将超期 tab reads the stored warning times.
 */
@IntegrationTest
class StageClocksTest {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Autowired
	CaseService cases;

	@Autowired
	CaseQueries queries;

	@Autowired
	StageClocks clocks;

	@Autowired
	IntakeService intake;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	org.springframework.test.web.servlet.MockMvc mvc;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	private static Instant at(String local) {
		return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
	}

	/** 垃圾分类不规范 (E0106): accept within 120 working minutes, handle within 1440 working minutes = 1 working day. */
	private CaseView newCase() {
		long reportId = intake.submitFromResident(ReportSubmission.fromResident(Channel.QR_CODE, "370471002008",
				"E0106", ReportKind.COMPLAINT, "垃圾没有分类就扔进了桶里", null, null, null, "锦绣园" + System.nanoTime(),
				null, List.of(), null, null)).id();
		return cases.forReport(reportId, TestAccounts.EVERYWHERE).orElseThrow();
	}

	private StaffPrincipal dispatcher() {
		return accounts.principal("dispatcher");
	}

	private CaseView act(CaseView c, CaseAction action, String note) {
		Long unit = action == CaseAction.DISPATCH
				? jdbc.sql("SELECT id FROM org_unit WHERE name = '市政管理科'").query(Long.class).single() : null;
		return cases.act(c.id(), action, c.version(), note, unit, dispatcher());
	}

	private List<StageClock> running(CaseView c) {
		return clocks.of(c.id(), c.regionPath()).stream().filter(StageClock::running).toList();
	}

	@Test
	void theYellowWarningComesAt80PercentOfTheWorkingTime() {
		clock.setTo(at("2026-12-08T16:00"));
		CaseView c = newCase();
		// 120 working minutes from Tuesday 16:00: 90 on Tuesday, 30 on Wednesday
		assertThat(c.acceptDueAt()).isEqualTo(at("2026-12-09T09:00"));
		// 80 % = 96 working minutes → Wednesday 08:36 (80 % of the calendar time would be 05:36, at night)
		assertThat(c.acceptWarnAt()).isEqualTo(at("2026-12-09T08:36"));
		assertThat(c.timeStatus(at("2026-12-09T06:00"))).isEqualTo(CaseView.TimeStatus.ON_TIME);
		assertThat(c.timeStatus(at("2026-12-09T08:36"))).isEqualTo(CaseView.TimeStatus.WARNING);
		assertThat(c.timeStatus(at("2026-12-09T09:00"))).isEqualTo(CaseView.TimeStatus.OVERDUE);
		// the countdown of a working limit counts working time: at 17:00 half an hour of Tuesday and 30 minutes of Wednesday
		List<StageClock> all = clocks.of(c.id(), c.regionPath());
		assertThat(clocks.countdown(c, all, at("2026-12-08T17:00"))).isEqualTo("剩余 1 工作小时 0 分");
		// late by 09:00–17:30 on Wednesday (7 h without lunch) and 08:30–09:00 on Thursday: one working day of 7.5 h
		assertThat(clocks.countdown(c, all, at("2026-12-10T09:00"))).isEqualTo("超期 1 个工作日 0 分");
	}

	@Test
	void theDueSoonTabListsCasesPastTheirStoredWarningTime() {
		clock.setTo(at("2026-12-08T16:00"));
		CaseView c = newCase();
		CaseFilter dueSoon = new CaseFilter(CaseInbox.DUE_SOON, null, null, null, null, null, null, 0);
		clock.setTo(at("2026-12-09T07:00"));
		assertThat(queries.list(dueSoon, dispatcher())).extracting(CaseRow::id).doesNotContain(c.id());
		clock.setTo(at("2026-12-09T08:40"));
		assertThat(queries.list(dueSoon, dispatcher())).extracting(CaseRow::id).contains(c.id());
		clock.setTo(at("2026-12-09T09:10"));
		assertThat(queries.list(dueSoon, dispatcher())).extracting(CaseRow::id).doesNotContain(c.id());
	}

	@Test
	void eachStageRunsItsOwnClockAsTheCaseMoves() {
		clock.setTo(at("2026-12-08T09:00"));
		CaseView c = newCase();
		assertThat(running(c)).extracting(StageClock::stage).containsExactly(CaseStage.ACCEPT);

		clock.setTo(at("2026-12-08T09:10"));
		c = act(c, CaseAction.ACCEPT, null);
		assertThat(running(c)).extracting(StageClock::stage).containsExactly(CaseStage.REGISTER);
		StageClock register = running(c).get(0);
		assertThat(register.limit()).isEqualTo(new TimeLimit(LimitUnit.WORKING_HOURS, 120));
		assertThat(register.dueAt()).isEqualTo(at("2026-12-08T11:10"));

		clock.setTo(at("2026-12-08T11:30"));
		c = act(c, CaseAction.REGISTER, null);
		assertThat(running(c)).extracting(StageClock::stage).containsExactlyInAnyOrder(CaseStage.DISPATCH,
				CaseStage.HANDLE);
		StageClock handle = running(c).stream().filter(s -> s.stage() == CaseStage.HANDLE).findFirst().orElseThrow();
		// 1440 working minutes in the catalog = 1 working day: the same time next working day
		assertThat(handle.dueAt()).isEqualTo(at("2026-12-09T11:30")).isEqualTo(c.handleDueAt());
		assertThat(c.handleWarnAt()).isEqualTo(handle.warnAt());

		c = act(c, CaseAction.DISPATCH, null);
		assertThat(running(c)).extracting(StageClock::stage).containsExactly(CaseStage.HANDLE);
		c = cases.act(c.id(), CaseAction.START, c.version(), null, null, dispatcher());
		c = act(c, CaseAction.FEEDBACK_DONE, "已督促物业整改");
		assertThat(running(c)).extracting(StageClock::stage).containsExactly(CaseStage.VERIFY);
		c = act(c, CaseAction.VERIFY_FAIL, "现场仍未分类");
		assertThat(running(c)).extracting(StageClock::stage).containsExactly(CaseStage.HANDLE);
		c = act(c, CaseAction.FEEDBACK_DONE, "已分类");
		c = act(c, CaseAction.VERIFY_PASS, null);
		assertThat(running(c)).extracting(StageClock::stage).containsExactly(CaseStage.VISIT);
		intake.rate(c.trackingCode(), Rating.SATISFIED, null);
		c = cases.get(c.id(), dispatcher());
		assertThat(c.state()).isEqualTo(CaseState.ARCHIVED);
		assertThat(running(c)).isEmpty();

		List<StageClock> all = clocks.of(c.id(), c.regionPath());
		assertThat(all).extracting(StageClock::stage).containsExactly(CaseStage.ACCEPT, CaseStage.REGISTER,
				CaseStage.DISPATCH, CaseStage.HANDLE, CaseStage.VERIFY, CaseStage.HANDLE, CaseStage.VERIFY,
				CaseStage.VISIT);
		// 立案 took 2 h 20 min against a limit of 2 working hours: late; 受理 within its 120 working minutes
		assertThat(all.get(0).endedOnTime()).isTrue();
		assertThat(all.get(1).endedOnTime()).isFalse();
	}

	@Test
	void aDeclinedCaseStopsEveryClockAndTheScanMarksALateStage() throws Exception {
		clock.setTo(at("2026-12-08T09:00"));
		CaseView c = newCase();
		c = act(c, CaseAction.ACCEPT, null);
		clock.setTo(at("2026-12-08T11:40")); // 立案 limit (2 working hours) ran out at 11:00
		clocks.markOverdue(clock.instant());
		StageClock register = running(c).get(0);
		assertThat(register.overdueAt()).isNotNull();
		assertThat(register.status(clock.instant())).isEqualTo(CaseView.TimeStatus.OVERDUE);
		mvc.perform(get("/cases").param("inbox", "ALL").with(accounts.as("dispatcher")))
			.andExpect(content().string(containsString("立案超期")));
		c = act(c, CaseAction.DECLINE, "不属于城管职责");
		assertThat(running(c)).isEmpty();
	}

	@Test
	void perStageTimelinessCountsEndedRunsAgainstTheirDeadlines() throws Exception {
		clock.setTo(at("2026-12-10T09:00"));
		CaseView c = newCase();
		clock.setTo(at("2026-12-10T09:05"));
		c = act(c, CaseAction.ACCEPT, null);
		clock.setTo(at("2026-12-10T15:00")); // 立案 late (due 11:05)
		act(c, CaseAction.REGISTER, null);
		List<StageClocks.Timeliness> figures = clocks.timeliness(dispatcher().scope().pathPattern(),
				at("2026-12-10T00:00"), at("2026-12-11T00:00"));
		StageClocks.Timeliness accept = figures.stream().filter(f -> f.stage() == CaseStage.ACCEPT).findFirst().orElseThrow();
		StageClocks.Timeliness register = figures.stream().filter(f -> f.stage() == CaseStage.REGISTER).findFirst().orElseThrow();
		assertThat(accept.ended()).isGreaterThanOrEqualTo(1);
		assertThat(accept.endedOnTime()).isGreaterThanOrEqualTo(1);
		assertThat(register.ended() - register.endedOnTime()).isGreaterThanOrEqualTo(1);
		assertThat(figures).hasSize(CaseStage.values().length);
		String page = mvc.perform(get("/assessment/dashboard").param("date", "2026-12-10").with(accounts.as("dispatcher")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("各环节按时率", "data-stage=\"REGISTER\"", "data-stage=\"VISIT\"");
	}

	@Test
	void theCasePageShowsEachStagesClockWithItsCountdownInWorkingTime() throws Exception {
		clock.setTo(at("2026-12-08T09:00"));
		CaseView c = newCase();
		c = act(c, CaseAction.ACCEPT, null);
		clock.setTo(at("2026-12-08T10:00"));
		mvc.perform(get("/cases/" + c.id()).with(accounts.as("dispatcher")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("各环节时限")))
			.andExpect(content().string(containsString("按期完成")))
			// 立案 limit 2 working hours from 09:00: one hour left at 10:00
			.andExpect(content().string(containsString("剩余 1 工作小时 0 分")));
	}

}
