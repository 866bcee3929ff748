package chengguan.cases;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import chengguan.assessment.Rollups;
import chengguan.intake.Channel;
import chengguan.intake.IntakeService;
import chengguan.intake.Rating;
import chengguan.intake.ReportKind;
import chengguan.intake.ReportSubmission;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.web.ConflictException;
import chengguan.platform.web.InvalidRequestException;
import chengguan.platform.web.UserFacingException;
import chengguan.support.IntegrationTest;
import chengguan.support.MutableClock;
import chengguan.support.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The ways real cases stop and start: 延期 approved and refused, 挂起 stopping the clock, 电话回访 and the automatic
 * 未评价, 退回 three times going to 督查, and 无理诉求 leaving the satisfaction rate — each in the history and the
 * figures, never silently.
 */
@IntegrationTest
class CaseWorkflowTest {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Autowired
	CaseService cases;

	@Autowired
	CaseQueries queries;

	@Autowired
	CaseHistory history;

	@Autowired
	CaseRequests requests;

	@Autowired
	DeadlineScan deadlineScan;

	@Autowired
	FollowUpScan followUpScan;

	@Autowired
	Rollups rollups;

	@Autowired
	IntakeService intake;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	org.springframework.test.web.servlet.MockMvc mvc;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	private StaffPrincipal dispatcher() {
		return accounts.principal("dispatcher");
	}

	private StaffPrincipal handler() {
		return accounts.principal("handler");
	}

	private StaffPrincipal leader() {
		return accounts.principal("leader");
	}

	private long municipalUnit() {
		return jdbc.sql("SELECT id FROM org_unit WHERE name = '市政管理科'").query(Long.class).single();
	}

	/** 暴露垃圾 (E0101): handle within 240 calendar minutes; reported by a resident with a phone. */
	private CaseView newCase(String phone) {
		long reportId = intake.submitFromResident(ReportSubmission.fromResident(Channel.QR_CODE, "370471001001",
				"E0101", ReportKind.COMPLAINT, "小区门口垃圾堆了三天没人收", null, null, null, "德仁小区" + System.nanoTime(),
				phone, List.of(), null, null)).id();
		return cases.forReport(reportId, TestAccounts.EVERYWHERE).orElseThrow();
	}

	private CaseView step(CaseView c, CaseAction action, String note, StaffPrincipal who) {
		return cases.act(c.id(), action, c.version(), note, action == CaseAction.DISPATCH ? municipalUnit() : null, who);
	}

	private CaseView take(CaseView c, CaseAction action, CaseStep step, StaffPrincipal who) {
		return cases.act(c.id(), action, c.version(), step, who);
	}

	/** Accepted, registered, dispatched to 市政管理科 and signed for by its handler. */
	private CaseView inHandling(String phone) {
		CaseView c = newCase(phone);
		c = step(c, CaseAction.ACCEPT, null, dispatcher());
		c = step(c, CaseAction.REGISTER, null, dispatcher());
		c = step(c, CaseAction.DISPATCH, null, dispatcher());
		return step(c, CaseAction.START, null, handler());
	}

	private CaseView closed(String phone) {
		CaseView c = inHandling(phone);
		c = step(c, CaseAction.FEEDBACK_DONE, "已清运", handler());
		return step(c, CaseAction.VERIFY_PASS, null, dispatcher());
	}

	/** A working-day morning (10:00 in Shanghai) at least two days ahead: a deadline nobody needs to move. */
	private Instant workingMorningAhead() {
		LocalDate day = LocalDate.ofInstant(clock.instant(), SHANGHAI).plusDays(2);
		while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
			day = day.plusDays(1);
		}
		return day.atTime(10, 0).atZone(SHANGHAI).toInstant();
	}

	private String lastNote(CaseView c) {
		List<CaseHistory.Entry> entries = history.entries(c.id());
		return entries.get(entries.size() - 1).note();
	}

	private int fact(CaseView c, String column) {
		return jdbc.sql("SELECT " + column + " FROM assessment_case_fact WHERE case_id = ?").param(c.id())
			.query(Integer.class).single();
	}

	@Test
	void anApprovedExtensionMovesTheDeadlineNamesTheApproverAndTheCaseIsNotOnTime() {
		CaseView c = inHandling(null);
		Instant asked = workingMorningAhead();
		assertThatThrownBy(() -> take(cases.get(c.id(), handler()), CaseAction.REQUEST_EXTENSION,
				CaseStep.extension("等待配件", null), handler()))
			.isInstanceOf(InvalidRequestException.class);
		CaseView requested = take(c, CaseAction.REQUEST_EXTENSION, CaseStep.extension("需要协调环卫车辆，两天内清运", asked),
				handler());
		assertThat(requested.state()).isEqualTo(CaseState.HANDLING);
		assertThat(requested.handleDueAt()).as("nothing changes before the approval").isEqualTo(c.handleDueAt());
		assertThat(cases.offeredTo(requested, handler())).doesNotContain(CaseAction.REQUEST_EXTENSION);
		assertThat(cases.offeredTo(requested, dispatcher())).contains(CaseAction.APPROVE_EXTENSION,
				CaseAction.REFUSE_EXTENSION);
		assertThat(queries.list(new CaseFilter(CaseInbox.MINE, null, null, null, null, null, null, 0), leader()))
			.as("a pending request is in the approver's 我的待办").extracting(CaseRow::id).contains(c.id());

		CaseView approved = take(requested, CaseAction.APPROVE_EXTENSION, CaseStep.note(null), leader());
		assertThat(approved.handleDueAt()).isEqualTo(asked);
		assertThat(lastNote(approved)).contains("批准延期", "审批人 leader", "申请人 handler");
		assertThat(history.entries(c.id()).get(history.entries(c.id()).size() - 1).actor()).isEqualTo("leader");

		CaseView done = step(approved, CaseAction.FEEDBACK_DONE, "已清运", handler());
		step(done, CaseAction.VERIFY_PASS, null, dispatcher());
		rollups.refresh();
		assertThat(fact(c, "closed")).isEqualTo(1);
		assertThat(fact(c, "extended")).isEqualTo(1);
		assertThat(fact(c, "closed_on_time")).as("closed before its new deadline, yet extended").isZero();
	}

	@Test
	void aRefusalNeedsAReasonKeepsTheDeadlineAndNobodyApprovesTheirOwnRequest() {
		CaseView c = inHandling(null);
		CaseView requested = take(c, CaseAction.REQUEST_EXTENSION,
				CaseStep.extension("雨天无法作业", workingMorningAhead()), dispatcher());
		assertThatThrownBy(() -> take(requested, CaseAction.APPROVE_EXTENSION, CaseStep.note(null), dispatcher()))
			.isInstanceOfSatisfying(UserFacingException.class, ex -> assertThat(ex.status().value()).isEqualTo(403));
		assertThatThrownBy(() -> take(requested, CaseAction.REFUSE_EXTENSION, CaseStep.note(" "), leader()))
			.isInstanceOf(InvalidRequestException.class);

		CaseView refused = take(requested, CaseAction.REFUSE_EXTENSION, CaseStep.note("垃圾清运不受天气影响"), leader());
		assertThat(refused.handleDueAt()).isEqualTo(c.handleDueAt());
		assertThat(lastNote(refused)).contains("驳回延期申请", "垃圾清运不受天气影响", "审批人 leader");
		assertThat(requests.all(c.id())).singleElement().satisfies(request -> {
			assertThat(request.approved()).isFalse();
			assertThat(request.decidedBy()).isEqualTo("leader");
		});
		assertThatThrownBy(() -> take(refused, CaseAction.APPROVE_EXTENSION, CaseStep.note(null), leader()))
			.as("nothing left to approve").isInstanceOf(ConflictException.class);
	}

	@Test
	void aSuspendedCaseIsNotOverdueAndItsDeadlineMovesByTheTimeItWaited() {
		CaseView c = inHandling(null);
		Instant due = c.handleDueAt();
		CaseView requested = take(c, CaseAction.REQUEST_SUSPENSION,
				CaseStep.because(RequestReason.DEPARTMENT, "需供电公司先断电"), handler());
		assertThatThrownBy(() -> take(c, CaseAction.REQUEST_SUSPENSION, CaseStep.because(null, "x"), handler()))
			.isInstanceOf(ConflictException.class);
		clock.advance(Duration.ofMinutes(30));
		CaseView suspended = take(requested, CaseAction.APPROVE_SUSPENSION, CaseStep.note(null), dispatcher());
		assertThat(suspended.state()).isEqualTo(CaseState.SUSPENDED);
		assertThat(suspended.timeStatus(clock.instant())).isEqualTo(CaseView.TimeStatus.NONE);

		Duration waited = Duration.ofHours(10);
		clock.advance(waited);
		deadlineScan.scan();
		assertThat(cases.get(c.id(), dispatcher()).overdueAt()).as("the clock stood still").isNull();
		assertThat(history.entries(c.id())).extracting(CaseHistory.Entry::action).doesNotContain("OVERDUE");

		CaseView resumed = take(cases.get(c.id(), handler()), CaseAction.RESUME, CaseStep.note("已断电"), handler());
		assertThat(resumed.state()).isEqualTo(CaseState.HANDLING);
		assertThat(resumed.handleDueAt()).isEqualTo(due.plus(waited));
		assertThat(lastNote(resumed)).contains("挂起 10 小时 0 分", "顺延");
		assertThat(requests.suspensions(c.id())).singleElement()
			.satisfies(s -> assertThat(Duration.between(s.startedAt(), s.endedAt())).isEqualTo(waited));
		deadlineScan.scan();
		assertThat(cases.get(c.id(), dispatcher()).overdueAt()).isNull();

		clock.advance(Duration.ofHours(4));
		deadlineScan.scan();
		assertThat(cases.get(c.id(), dispatcher()).overdueAt()).as("past the moved deadline it is overdue").isNotNull();
	}

	@Test
	void staffRecordAPhoneFollowUpSatisfiedArchivesDissatisfiedReworks() {
		CaseView good = closed(null);
		CaseView archived = cases.recordFollowUp(good.id(), good.version(), Rating.FAIRLY_SATISFIED, "满意清运速度",
				"冯晓", clock.instant().minus(Duration.ofMinutes(5)), dispatcher());
		assertThat(archived.state()).isEqualTo(CaseState.ARCHIVED);
		assertThat(lastNote(archived)).contains("电话回访", "冯晓", "基本满意");
		assertThat(cases.followUps(good.id(), dispatcher())).singleElement()
			.satisfies(call -> assertThat(call.recordedBy()).isEqualTo("dispatcher"));

		CaseView bad = closed(null);
		assertThatThrownBy(() -> step(bad, CaseAction.FOLLOW_UP_SATISFIED, "满意", dispatcher()))
			.as("a phone rating always says who called and when").isInstanceOf(InvalidRequestException.class);
		assertThatThrownBy(() -> cases.recordFollowUp(bad.id(), bad.version(), Rating.DISSATISFIED, null, null, null,
				dispatcher())).as("不满意 needs what the resident said").isInstanceOf(InvalidRequestException.class);
		assertThatThrownBy(() -> cases.recordFollowUp(bad.id(), bad.version(), Rating.SATISFIED, null, null,
				clock.instant().plus(Duration.ofHours(1)), dispatcher())).isInstanceOf(InvalidRequestException.class);
		CaseView reworked = cases.recordFollowUp(bad.id(), bad.version(), Rating.DISSATISFIED, "门口还有垃圾", null, null,
				dispatcher());
		assertThat(reworked.state()).isEqualTo(CaseState.HANDLING);
		assertThat(reworked.reworkCount()).isEqualTo(1);

		rollups.refresh();
		assertThat(fact(good, "rated")).isEqualTo(1);
		assertThat(fact(good, "satisfied")).isEqualTo(1);
		assertThat(fact(good, "archived_by_staff")).as("a phone rating is a rating, not a 销号 by hand").isZero();
	}

	@Test
	void anUnratedCaseIsRemindedThenEndsAsUnratedAndIsNotSatisfied() {
		String phone = "1390000" + String.format("%04d", System.nanoTime() % 10_000);
		CaseView c = closed(phone);
		clock.advance(Duration.ofDays(2));
		followUpScan.scan();
		assertThat(reminders(phone)).isZero();

		clock.advance(Duration.ofDays(1).plusMinutes(1));
		followUpScan.scan();
		followUpScan.scan();
		assertThat(reminders(phone)).as("reminded once").isEqualTo(1);
		assertThat(cases.get(c.id(), dispatcher()).state()).isEqualTo(CaseState.CLOSED);

		clock.advance(Duration.ofDays(4));
		followUpScan.scan();
		CaseView ended = cases.get(c.id(), dispatcher());
		assertThat(ended.state()).isEqualTo(CaseState.UNRATED);
		assertThat(ended.state().isTerminal()).isTrue();
		assertThat(lastNote(ended)).contains("7 天内未回访评价", "未评价");
		assertThat(history.entries(c.id()).get(history.entries(c.id()).size() - 1).actor()).isEqualTo("系统");

		rollups.refresh();
		assertThat(fact(c, "closed")).isEqualTo(1);
		assertThat(fact(c, "unrated")).isEqualTo(1);
		assertThat(fact(c, "rated")).isZero();
		assertThat(fact(c, "satisfied")).isZero();
		assertThat(history.verify()).noneMatch(b -> b.caseId() == c.id());
	}

	private int reminders(String phone) {
		return jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE recipient = ? AND message LIKE '%请凭查询码在扫码页面评价%'")
			.param(phone).query(Integer.class).single();
	}

	@Test
	void aCaseReturnedThreeTimesGoesToTheInspectors() {
		CaseView c = inHandling(null);
		for (int i = 1; i <= 3; i++) {
			c = step(c, CaseAction.RETURN, "不属于本科室职责（第 " + i + " 次）", handler());
			if (i < 3) {
				c = step(c, CaseAction.DISPATCH, null, dispatcher());
				c = step(c, CaseAction.START, null, handler());
			}
		}
		assertThat(c.returnCount()).isEqualTo(3);
		long caseId = c.id();
		assertThat(queries.list(new CaseFilter(CaseInbox.SUPERVISED, null, null, null, null, null, null, 0),
				accounts.principal("inspector")))
			.extracting(CaseRow::id).contains(caseId);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE recipient = '13800000003' AND message LIKE ?")
			.param("%" + c.trackingCode() + " 已被退回 3 次%").query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void anUnreasonableClaimNeedsApprovalAndLeavesTheSatisfactionRateCountedApart() {
		CaseView c = closed(null);
		CaseView asked = take(c, CaseAction.REQUEST_EXCLUSION,
				CaseStep.because(RequestReason.UNREASONABLE, "要求城管清理私家庭院，非公共区域"), dispatcher());
		assertThat(asked.excludedAs()).as("not before the approval").isNull();
		assertThatThrownBy(() -> take(asked, CaseAction.APPROVE_EXCLUSION, CaseStep.note(null), handler()))
			.isInstanceOfSatisfying(UserFacingException.class, ex -> assertThat(ex.status().value()).isEqualTo(403));
		CaseView excluded = take(asked, CaseAction.APPROVE_EXCLUSION, CaseStep.note(null),
				accounts.principal("inspector"));
		assertThat(excluded.excludedAs()).isEqualTo(RequestReason.UNREASONABLE);
		assertThat(excluded.state()).isEqualTo(CaseState.CLOSED);
		assertThat(lastNote(excluded)).contains("认定为无理诉求", "不计入满意率", "审批人 inspector");

		CaseView rated = cases.recordFollowUp(c.id(), excluded.version(), Rating.DISSATISFIED, "不满意", null, null,
				dispatcher());
		rollups.refresh();
		assertThat(fact(rated, "excluded")).isEqualTo(1);
		assertThat(fact(rated, "rated")).as("out of the satisfaction rate").isZero();
	}

	@Test
	void theCasePageAsksForAnExtensionShowsItPendingAndRecordsAPhoneFollowUp() throws Exception {
		CaseView c = inHandling(null);
		String asked = java.time.LocalDateTime.ofInstant(workingMorningAhead(), SHANGHAI).toString();
		mvc.perform(get("/cases/" + c.id()).with(accounts.as("handler")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("立案条件")))
			.andExpect(content().string(containsString("确属公共区域的市容环境问题")))
			.andExpect(content().string(containsString("现场已清理、恢复整洁")))
			.andExpect(content().string(containsString("申请延期")))
			.andExpect(content().string(containsString("申请挂起")));
		mvc.perform(post("/cases/" + c.id() + "/actions/REQUEST_EXTENSION").with(csrf()).with(accounts.as("handler"))
			.header("HX-Request", "true").param("version", Long.toString(c.version()))
			.param("requestedDue", asked).param("note", "等待配件到货"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("待审批")))
			.andExpect(content().string(containsString("等待配件到货")));
		mvc.perform(get("/cases/" + c.id()).with(accounts.as("leader")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("批准延期")))
			.andExpect(content().string(containsString("驳回延期")));
		mvc.perform(post("/cases/" + c.id() + "/actions/REQUEST_SUSPENSION").with(csrf()).with(accounts.as("handler"))
			.header("HX-Request", "true").param("version", Long.toString(cases.get(c.id(), handler()).version()))
			.param("reason", "NO_SUCH_REASON").param("note", "x"))
			.andExpect(status().isBadRequest());

		CaseView done = closed(null);
		mvc.perform(get("/cases/" + done.id()).with(accounts.as("dispatcher")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("记录电话回访")));
		mvc.perform(post("/cases/" + done.id() + "/follow-up").with(csrf()).with(accounts.as("dispatcher"))
			.header("HX-Request", "true").param("version", Long.toString(done.version())).param("rating", "SATISFIED")
			.param("caller", "冯晓"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("电话回访")))
			.andExpect(content().string(containsString("已销号")));
		mvc.perform(get("/assessment/dashboard").with(accounts.as("leader")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"count-extended\"")))
			.andExpect(content().string(containsString("超时报到")));
	}

}
