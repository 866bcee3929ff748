package chengguan.cases;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import chengguan.intake.Channel;
import chengguan.intake.IntakeService;
import chengguan.intake.Rating;
import chengguan.intake.ReportKind;
import chengguan.intake.ReportSubmission;
import chengguan.intake.SubmittedReport;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.web.ConflictException;
import chengguan.platform.web.InvalidRequestException;
import chengguan.platform.web.UserFacingException;
import chengguan.support.IntegrationTest;
import chengguan.support.Tamper;
import chengguan.support.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/** The whole loop on the real database: 受理 → 立案 → 派遣 → 处置 → 反馈 → 核查 → 结案 → 回访评价, and its detours. */
@IntegrationTest
class CaseLoopTest {

	@Autowired
	CaseService cases;

	@Autowired
	CaseHistory history;

	@Autowired
	IntakeService intake;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	javax.sql.DataSource dataSource;

	@Autowired
	MockMvc mvc;

	private StaffPrincipal dispatcher() {
		return accounts.principal("dispatcher");
	}

	private StaffPrincipal handler() {
		return accounts.principal("handler");
	}

	private long unit() {
		return jdbc.sql("SELECT id FROM org_unit WHERE name = '市政管理科'").query(Long.class).single();
	}

	private CaseView newCase(String phone) {
		SubmittedReport report = intake.submitFromResident(ReportSubmission.fromResident(Channel.QR_CODE,
				"370471001003", "C0109", ReportKind.HELP, "路灯不亮，晚上很黑", new BigDecimal("34.70" + (int) (Math.random() * 9000)),
				new BigDecimal("117.10"), 10, "天安小区", phone, List.of(), null, null));
		return cases.forReport(report.id(), TestAccounts.EVERYWHERE).orElseThrow();
	}

	private CaseView act(CaseView c, CaseAction action, String note, StaffPrincipal who) {
		return cases.act(c.id(), action, c.version(), note, action == CaseAction.DISPATCH ? unit() : null, who);
	}

	private List<String> messagesTo(String phone) {
		return jdbc.sql("SELECT message FROM notification_outbox WHERE recipient = ? ORDER BY id").param(phone)
			.query(String.class).list();
	}

	private String reportStatus(CaseView c) {
		return jdbc.sql("SELECT status FROM report WHERE id = ?").param(c.reportId()).query(String.class).single();
	}

	@Test
	void theFullLoopWithReworkAfterVerificationAndAfterAnUnhappyResident() throws Exception {
		String phone = "13600000001";
		CaseView c = newCase(phone);
		assertThat(c.state()).isEqualTo(CaseState.PENDING);
		assertThat(c.acceptDueAt()).isNotNull();

		c = act(c, CaseAction.ACCEPT, null, dispatcher());
		c = act(c, CaseAction.REGISTER, null, dispatcher());
		c = act(c, CaseAction.DISPATCH, null, dispatcher());
		assertThat(c.assigneeUnitId()).isEqualTo(unit());
		assertThat(c.handleDueAt()).isNotNull();
		c = act(c, CaseAction.START, null, handler());
		c = act(c, CaseAction.FEEDBACK_DONE, "已更换灯泡", handler());
		c = act(c, CaseAction.VERIFY_FAIL, "现场核查仍不亮，线路故障", dispatcher());
		assertThat(c.state()).isEqualTo(CaseState.HANDLING);
		assertThat(c.reworkCount()).isEqualTo(1);
		c = act(c, CaseAction.FEEDBACK_DONE, "已修复线路并更换灯具", handler());
		c = act(c, CaseAction.VERIFY_PASS, null, accounts.principal("inspector"));
		assertThat(c.state()).isEqualTo(CaseState.CLOSED);
		assertThat(reportStatus(c)).isEqualTo("CLOSED");
		mvc.perform(get("/t/" + c.trackingCode()))
			.andExpect(content().string(containsString("处理结果：已修复线路并更换灯具")))
			.andExpect(content().string(containsString("您对处理结果满意吗")));

		intake.rate(c.trackingCode(), Rating.DISSATISFIED, "只修了一盏");
		c = cases.get(c.id(), dispatcher());
		assertThat(c.state()).isEqualTo(CaseState.HANDLING);
		assertThat(c.reworkCount()).isEqualTo(2);
		assertThat(reportStatus(c)).isEqualTo("IN_PROGRESS");
		assertThat(history.entries(c.id()).get(history.entries(c.id()).size() - 1).note()).contains("不满意", "只修了一盏");

		c = act(c, CaseAction.FEEDBACK_DONE, "整条路的路灯已全部修复", handler());
		c = act(c, CaseAction.VERIFY_PASS, null, dispatcher());
		intake.rate(c.trackingCode(), Rating.SATISFIED, null);
		c = cases.get(c.id(), dispatcher());
		assertThat(c.state()).isEqualTo(CaseState.ARCHIVED);

		assertThat(history.entries(c.id())).extracting(CaseHistory.Entry::action).containsExactly("OPENED", "ACCEPT",
				"REGISTER", "DISPATCH", "START", "FEEDBACK_DONE", "VERIFY_FAIL", "FEEDBACK_DONE", "VERIFY_PASS",
				"REOPEN", "FEEDBACK_DONE", "VERIFY_PASS", "ARCHIVE");
		List<String> sms = messagesTo(phone);
		assertThat(sms).hasSize(5);
		assertThat(sms.get(0)).contains("已受理");
		assertThat(sms.get(1)).contains("已派给负责部门");
		assertThat(sms.get(2)).contains("已办结");
		assertThat(sms.get(3)).contains("重新处理");
		assertThat(sms.get(4)).contains("已办结");
		long id = c.id();
		assertThat(history.verify()).noneMatch(b -> b.caseId() == id);
	}

	@Test
	void aDeclineMustSayWhyAndTheReporterIsTold() throws Exception {
		String phone = "13600000002";
		CaseView c = newCase(phone);
		CaseView pending = c;
		assertThatThrownBy(() -> act(pending, CaseAction.DECLINE, "  ", dispatcher()))
			.isInstanceOf(InvalidRequestException.class);
		c = act(c, CaseAction.DECLINE, "该路灯属供电公司产权，已转告供电公司", dispatcher());
		assertThat(c.state()).isEqualTo(CaseState.DECLINED);
		assertThat(reportStatus(c)).isEqualTo("DECLINED");
		assertThat(messagesTo(phone)).singleElement().asString().contains("不予立案", "属供电公司产权");
		mvc.perform(get("/t/" + c.trackingCode()))
			.andExpect(content().string(containsString("不予受理")))
			.andExpect(content().string(containsString("该路灯属供电公司产权，已转告供电公司")));
	}

	@Test
	void illegalStepsAndWrongRolesAreRefusedWithAReason() {
		CaseView c = newCase(null);
		assertThatThrownBy(() -> act(c, CaseAction.DISPATCH, null, dispatcher()))
			.isInstanceOf(ConflictException.class)
			.hasFieldOrPropertyWithValue("messageCode", "case.action.notFromState");
		assertThatThrownBy(() -> act(c, CaseAction.ACCEPT, null, handler()))
			.isInstanceOfSatisfying(UserFacingException.class,
					ex -> assertThat(ex.status().value()).isEqualTo(403));
		// a street user cannot see, let alone move, a case of another street
		assertThatThrownBy(() -> act(c, CaseAction.ACCEPT, null, accounts.principal("xingcheng")))
			.isInstanceOf(chengguan.platform.security.OutOfScopeException.class);
		assertThat(cases.get(c.id(), dispatcher()).state()).isEqualTo(CaseState.PENDING);
	}

	@Test
	void onTheSpotResolutionStillRecordsWhoSolvedWhat() {
		CaseView c = newCase(null);
		c = act(c, CaseAction.RESOLVE_ON_SPOT, "联络员到场，当场协调物业更换灯泡", accounts.principal("xingren"));
		assertThat(c.state()).isEqualTo(CaseState.CLOSED);
		CaseHistory.Entry last = history.entries(c.id()).get(history.entries(c.id()).size() - 1);
		assertThat(last.actor()).isEqualTo("xingren");
		assertThat(last.note()).contains("当场协调物业");
	}

	@Test
	void twoPeopleAcceptingAtOnceExactlyOneWins() throws Exception {
		CaseView c = newCase(null);
		StaffPrincipal first = dispatcher();
		StaffPrincipal second = accounts.principal("admin");
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Callable<String> a = () -> {
				start.await();
				try {
					cases.act(c.id(), CaseAction.ACCEPT, c.version(), null, null, first);
					return "won";
				}
				catch (ConflictException ex) {
					return ex.messageCode();
				}
			};
			Callable<String> b = () -> {
				start.await();
				try {
					cases.act(c.id(), CaseAction.ACCEPT, c.version(), null, null, second);
					return "won";
				}
				catch (ConflictException ex) {
					return ex.messageCode();
				}
			};
			Future<String> fa = pool.submit(a);
			Future<String> fb = pool.submit(b);
			start.countDown();
			assertThat(List.of(fa.get(), fb.get())).containsExactlyInAnyOrder("won", "case.takenByOther");
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(history.entries(c.id())).extracting(CaseHistory.Entry::action).containsExactly("OPENED", "ACCEPT");
		assertThat(cases.get(c.id(), dispatcher()).version()).isEqualTo(c.version() + 1);
	}

	@Test
	void anEditedHistoryIsFoundByTheCheck() {
		CaseView c = newCase(null);
		c = act(c, CaseAction.ACCEPT, null, dispatcher());
		c = act(c, CaseAction.DECLINE, "不属于城管职责", dispatcher());
		long id = c.id();
		assertThat(history.verify()).noneMatch(b -> b.caseId() == id);

		Tamper.asSuperuser(dataSource, "case_history", "UPDATE case_history SET note = '已妥善处理' WHERE case_id = ? AND action = 'DECLINE'", id);
		assertThat(history.verify()).filteredOn(b -> b.caseId() == id).singleElement()
			.satisfies(b -> {
				assertThat(b.seq()).isEqualTo(3);
				assertThat(b.reason()).contains("content changed");
			});
		Tamper.asSuperuser(dataSource, "case_history", "UPDATE case_history SET note = '不属于城管职责' WHERE case_id = ? AND action = 'DECLINE'", id);
		assertThat(history.verify()).noneMatch(b -> b.caseId() == id);

		Tamper.asSuperuser(dataSource, "case_history", "DELETE FROM case_history WHERE case_id = ? AND seq = 2", id);
		assertThat(history.verify()).filteredOn(b -> b.caseId() == id).singleElement()
			.satisfies(b -> assertThat(b.reason()).contains("missing entry 2"));
	}


	@Test
	void enforcementGoesToASquadronAndCanBeReassignedWithAReason() {
		StaffPrincipal dispatcher = dispatcher();
		CaseView c = newCase(null);
		c = act(c, CaseAction.ACCEPT, null, dispatcher);
		c = cases.act(c.id(), CaseAction.REGISTER, c.version(),
				new CaseStep(null, null, chengguan.catalog.HandlingMode.ENFORCEMENT, List.of()), dispatcher);
		assertThat(c.handlingMode()).isEqualTo("ENFORCEMENT");
		CaseView registered = c;
		assertThatThrownBy(() -> cases.act(registered.id(), CaseAction.DISPATCH, registered.version(), null, unit(), dispatcher))
			.hasFieldOrPropertyWithValue("messageCode", "case.dispatch.enforcementNeedsSquadron");
		long xingren = jdbc.sql("SELECT id FROM org_unit WHERE name = '兴仁中队'").query(Long.class).single();
		long zhangfan = jdbc.sql("SELECT id FROM org_unit WHERE name = '张范中队'").query(Long.class).single();
		c = cases.act(c.id(), CaseAction.DISPATCH, c.version(), null, xingren, dispatcher);
		CaseView dispatched = c;
		assertThatThrownBy(() -> cases.act(dispatched.id(), CaseAction.REASSIGN, dispatched.version(), null, zhangfan,
				dispatcher)).isInstanceOf(InvalidRequestException.class);
		c = cases.act(c.id(), CaseAction.REASSIGN, c.version(), "兴仁中队执法力量不足，改派张范中队", zhangfan, dispatcher);
		assertThat(c.state()).isEqualTo(CaseState.DISPATCHED);
		assertThat(c.assigneeUnitId()).isEqualTo(zhangfan);
	}

	@Test
	void photosOfTheWorkDoneAreKeptWithTheStepAndCoveredByTheHash() throws Exception {
		CaseView c = newCase(null);
		StaffPrincipal dispatcher = dispatcher();
		c = act(c, CaseAction.ACCEPT, null, dispatcher);
		c = act(c, CaseAction.REGISTER, null, dispatcher);
		c = act(c, CaseAction.DISPATCH, null, dispatcher);
		c = act(c, CaseAction.START, null, handler());
		c = cases.act(c.id(), CaseAction.FEEDBACK_DONE, c.version(), new CaseStep("已更换灯具", null, null,
				List.of(chengguan.support.TestImages.jpegWithExif(40, 30, 1))), handler());
		CaseHistory.Entry feedback = history.entries(c.id()).get(history.entries(c.id()).size() - 1);
		assertThat(feedback.photoIds()).hasSize(1);
		String fileId = feedback.photoIds().get(0);
		mvc.perform(get("/cases/" + c.id() + "/photos/" + fileId).with(accounts.as("dispatcher")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().contentType("image/jpeg"));
		mvc.perform(get("/cases/" + c.id() + "/photos/" + fileId).with(accounts.as("xingcheng")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isNotFound());
		mvc.perform(get("/cases/" + c.id() + "/photos/not-a-photo-of-this-case").with(accounts.as("dispatcher")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isNotFound());

		long id = c.id();
		Tamper.asSuperuser(dataSource, "case_history", "UPDATE case_history SET photo_ids = NULL WHERE case_id = ? AND photo_ids IS NOT NULL", id);
		assertThat(history.verify()).filteredOn(b -> b.caseId() == id).hasSize(1);
	}


	@Test
	void aCaseDispatchedToTheCommunityLiaisonLandsInTheirInbox() throws Exception {
		StaffPrincipal dispatcher = dispatcher();
		long liaison = jdbc.sql("SELECT id FROM staff WHERE phone = '13800003001'").query(Long.class).single();
		CaseView c = newCase(null);
		c = act(c, CaseAction.ACCEPT, null, dispatcher);
		c = act(c, CaseAction.REGISTER, null, dispatcher);
		c = cases.act(c.id(), CaseAction.DISPATCH, c.version(), new CaseStep(null, null, liaison, null, List.of()),
				dispatcher);
		assertThat(c.assigneeStaffId()).isEqualTo(liaison);
		assertThat(c.assigneeUnitId()).isEqualTo(
				jdbc.sql("SELECT unit_id FROM staff WHERE id = ?").param(liaison).query(Long.class).single());
		assertThat(history.entries(c.id()).get(history.entries(c.id()).size() - 1).note()).isEqualTo("承办：兴仁中队 张伟");
		mvc.perform(get("/cases").param("inbox", "MINE").with(accounts.as("xingren")))
			.andExpect(content().string(containsString(c.trackingCode())));
	}

	@Test
	void theCountdownReadsInHoursAndMinutes() {
		CaseView c = newCase(null);
		java.time.Instant due = c.acceptDueAt();
		assertThat(c.countdown(due.minus(java.time.Duration.ofMinutes(80)))).isEqualTo("剩余 1 小时 20 分");
		assertThat(c.countdown(due.minus(java.time.Duration.ofMinutes(5)))).isEqualTo("剩余 5 分");
		assertThat(c.countdown(due.plus(java.time.Duration.ofHours(27)))).isEqualTo("超期 1 天 3 小时");
	}


	@Test
	void onlyTheAssignedUnitWorksTheCaseAndOnlyUnitsInReachAreGivenWork() {
		StaffPrincipal dispatcher = dispatcher();
		CaseView c = newCase(null);
		c = act(c, CaseAction.ACCEPT, null, dispatcher);
		c = act(c, CaseAction.REGISTER, null, dispatcher);
		CaseView registered = c;
		String streetDispatcher = accounts.newAccount("disp", "370471002", chengguan.platform.security.Role.DISPATCHER);
		long xingrenSquadron = jdbc.sql("SELECT id FROM org_unit WHERE name = '兴仁中队'").query(Long.class).single();
		assertThatThrownBy(() -> cases.act(registered.id(), CaseAction.DISPATCH, registered.version(), null,
				xingrenSquadron, accounts.principal(streetDispatcher)))
			.isInstanceOf(chengguan.platform.security.OutOfScopeException.class);
		c = act(c, CaseAction.DISPATCH, null, dispatcher);
		CaseView dispatched = c;
		// a liaison of 兴仁中队 may not sign for 市政管理科's case
		assertThatThrownBy(() -> cases.act(dispatched.id(), CaseAction.START, dispatched.version(), null, null,
				accounts.principal("xingren")))
			.isInstanceOfSatisfying(UserFacingException.class, ex -> assertThat(ex.messageCode()).isEqualTo("case.action.notYourUnit"));
		assertThat(cases.act(c.id(), CaseAction.START, c.version(), null, null, handler()).state())
			.isEqualTo(CaseState.HANDLING);
	}

	@Test
	void automaticStepsCannotBeTakenByHandAndOnlyUnratedCasesAreArchivedByStaff() {
		StaffPrincipal dispatcher = dispatcher();
		CaseView c = newCase(null);
		CaseView pending = c;
		assertThatThrownBy(() -> cases.act(pending.id(), CaseAction.MERGE, pending.version(), null, null, dispatcher))
			.isInstanceOfSatisfying(UserFacingException.class, ex -> assertThat(ex.status().value()).isEqualTo(403));
		c = act(c, CaseAction.RESOLVE_ON_SPOT, "当场处理完毕", accounts.principal("xingren"));
		CaseView closed = c;
		// a resident's QR report waits for the resident's rating
		assertThatThrownBy(() -> cases.act(closed.id(), CaseAction.ARCHIVE, closed.version(), null, null, dispatcher))
			.isInstanceOf(UserFacingException.class);
		assertThat(CaseService.offered(CaseAction.ARCHIVE, c)).isFalse();
	}

}
