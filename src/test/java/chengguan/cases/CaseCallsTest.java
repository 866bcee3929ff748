package chengguan.cases;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import chengguan.account.AccountService;
import chengguan.account.NewAccount;
import chengguan.intake.Channel;
import chengguan.intake.IntakeService;
import chengguan.intake.ReportKind;
import chengguan.intake.ReportSubmission;
import chengguan.platform.security.Role;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.web.ConflictException;
import chengguan.platform.web.UserFacingException;
import chengguan.support.IntegrationTest;
import chengguan.support.MutableClock;
import chengguan.support.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 吹哨报到 in time and overdue, 协办 parts that must all be answered, and 督办 orders with their own deadline. */
@IntegrationTest
class CaseCallsTest {

	@Autowired
	CaseCalls calls;

	@Autowired
	CaseService cases;

	@Autowired
	CaseHistory history;

	@Autowired
	DeadlineScan scan;

	@Autowired
	IntakeService intake;

	@Autowired
	TestAccounts accounts;

	@Autowired
	AccountService accountService;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	chengguan.assessment.Rollups rollups;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	private long unit(String name) {
		return jdbc.sql("SELECT id FROM org_unit WHERE name = ?").param(name).query(Long.class).single();
	}

	/** An account for a staff member of the housing bureau, which partner department calls go to. */
	private StaffPrincipal housingBureauMember() {
		org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("INSERT INTO staff (name, unit_id, position_title, phone) VALUES ('住建局值班员', ?, '值班员', ?)")
			.params(unit("高新区住房和城乡建设局"), "13800009" + String.format("%03d", System.nanoTime() % 1000))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		String username = "zhujian-" + System.nanoTime() % 100_000;
		long region = jdbc.sql("SELECT id FROM region WHERE code = '370471'").query(Long.class).single();
		accountService.createWithChosenPassword(new NewAccount(username, "住建局值班员", id, region, java.util.Set.of(Role.HANDLER)),
				TestAccounts.PASSWORD);
		return accounts.principal(username);
	}

	private CaseView newCase() {
		long reportId = intake.submitFromResident(ReportSubmission.fromResident(Channel.QR_CODE,
				"370471001001", "E050502", ReportKind.TIP_OFF, "临街商铺正在违规扩建，社区劝阻无效", null, null, null,
				"德仁路" + System.nanoTime(), null, List.of(), null, null)).id();
		return cases.forReport(reportId, TestAccounts.EVERYWHERE).orElseThrow();
	}

	private List<String> actions(CaseView c) {
		return history.entries(c.id()).stream().map(CaseHistory.Entry::action).toList();
	}

	@Test
	void whistledUnitsMustReportInWithinThirtyMinutes() {
		CaseView c = newCase();
		StaffPrincipal community = accounts.principal("deren");
		calls.whistle(c.id(), List.of(unit("市政管理科"), unit("高新区住房和城乡建设局")), "请到场制止", community);
		List<CaseCall> called = calls.calls(c.id(), community);
		assertThat(called).hasSize(2).allSatisfy(call -> {
			assertThat(call.kind()).isEqualTo(CallKind.WHISTLE);
			assertThat(call.reportDueAt()).isEqualTo(call.calledAt().plus(Duration.ofMinutes(30)));
		});
		assertThat(jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE recipient = '13800005001' AND message LIKE ?")
			.param("%" + c.trackingCode() + "%30 分钟内报到%").query(Integer.class).single()).isEqualTo(1);

		CaseCall municipal = called.stream().filter(call -> call.unitName().equals("市政管理科")).findFirst().orElseThrow();
		assertThatThrownBy(() -> calls.reportIn(municipal.id(), accounts.principal("dispatcher")))
			.isInstanceOfSatisfying(UserFacingException.class, ex -> assertThat(ex.status().value()).isEqualTo(403));
		clock.advance(Duration.ofMinutes(10));
		calls.reportIn(municipal.id(), accounts.principal("handler"));
		assertThatThrownBy(() -> calls.reportIn(municipal.id(), accounts.principal("handler")))
			.isInstanceOf(ConflictException.class);

		clock.advance(Duration.ofMinutes(21));
		scan.scan();
		List<CaseCall> after = calls.calls(c.id(), community);
		assertThat(after).filteredOn(call -> call.overdueAt() != null).extracting(CaseCall::unitName)
			.containsExactly("高新区住房和城乡建设局");
		assertThat(history.entries(c.id())).extracting(CaseHistory.Entry::note)
			.anyMatch(note -> note != null && note.contains("高新区住房和城乡建设局 未在时限内报到"))
			.anyMatch(note -> note != null && note.equals("市政管理科 报到"));

		// late, but it does report in, and answers
		StaffPrincipal housing = housingBureauMember();
		CaseCall bureau = after.stream().filter(call -> call.overdueAt() != null).findFirst().orElseThrow();
		calls.answer(bureau.id(), "已派员到场，责令停工", housing);
		assertThat(actions(c)).containsSubsequence("WHISTLE", "WHISTLE", "REPORTED_IN", "CALL_OVERDUE", "REPORTED_IN",
				"ANSWERED");
		assertThat(history.entries(c.id())).extracting(CaseHistory.Entry::note).contains("高新区住房和城乡建设局 报到（超时）");
		assertThat(history.verify()).noneMatch(b -> b.caseId() == c.id());
	}

	@Test
	void aCaseCannotBeReportedDoneWhileAJointPartIsOpen() {
		CaseView c = newCase();
		StaffPrincipal dispatcher = accounts.principal("dispatcher");
		StaffPrincipal handler = accounts.principal("handler");
		c = cases.act(c.id(), CaseAction.ACCEPT, c.version(), null, null, dispatcher);
		c = cases.act(c.id(), CaseAction.REGISTER, c.version(), null, null, dispatcher);
		// 违法改建扩建 is handled by enforcement: a squadron
		c = cases.act(c.id(), CaseAction.DISPATCH, c.version(), null, unit("兴仁中队"), dispatcher);
		calls.addJointUnit(c.id(), unit("市政管理科"), "拆除违建后恢复人行道", dispatcher);
		c = cases.act(c.id(), CaseAction.START, c.version(), null, null, dispatcher);
		CaseView handling = c;
		assertThatThrownBy(() -> cases.act(handling.id(), CaseAction.FEEDBACK_DONE, handling.version(), "违建已拆除", null,
				dispatcher))
			.isInstanceOf(ConflictException.class)
			.hasFieldOrPropertyWithValue("messageCode", "case.joint.partsOpen");
		CaseCall part = calls.calls(c.id(), dispatcher).stream().filter(call -> call.kind() == CallKind.JOINT)
			.findFirst().orElseThrow();
		calls.answer(part.id(), "人行道已恢复", handler);
		c = cases.act(c.id(), CaseAction.FEEDBACK_DONE, cases.get(c.id(), dispatcher).version(), "违建已拆除", null,
				dispatcher);
		assertThat(c.state()).isEqualTo(CaseState.FEEDBACK);
	}

	@Test
	void aSupervisionOrderHasItsOwnDeadline() {
		CaseView c = newCase();
		StaffPrincipal inspector = accounts.principal("inspector");
		assertThatThrownBy(() -> calls.supervise(c.id(), "请加快办理", clock.instant().plus(Duration.ofHours(2)),
				accounts.principal("handler")))
			.isInstanceOfSatisfying(UserFacingException.class, ex -> assertThat(ex.status().value()).isEqualTo(403));
		assertThatThrownBy(() -> calls.supervise(c.id(), "请加快办理", clock.instant().minus(Duration.ofHours(1)), inspector))
			.hasFieldOrPropertyWithValue("messageCode", "case.call.dueInPast");
		calls.supervise(c.id(), "群众反映强烈，请两小时内答复处理进展", clock.instant().plus(Duration.ofHours(2)), inspector);
		clock.advance(Duration.ofHours(2));
		scan.scan();
		assertThat(history.entries(c.id())).extracting(CaseHistory.Entry::note)
			.anyMatch(note -> note != null && note.contains("未在督办期限内答复"));
		assertThat(calls.calls(c.id(), inspector)).singleElement().satisfies(call -> {
			assertThat(call.kind()).isEqualTo(CallKind.SUPERVISION);
			assertThat(call.overdueAt()).isNotNull();
		});
	}

	@Test
	void anUnansweredWhistleIsEscalatedToTheUnitLeaderAndTheInspectorsAndStaysLateAfterALateReportIn() {
		CaseView c = newCase();
		// demo-style numbers (1380000…): the demo data holds no other kind
		String chiefPhone = "13800008" + String.format("%03d", System.nanoTime() % 1000);
		jdbc.sql("INSERT INTO staff (name, unit_id, position_title, phone) VALUES ('市政科长', ?, '市政管理科科长', ?)")
			.params(unit("市政管理科"), chiefPhone)
			.update();
		calls.whistle(c.id(), List.of(unit("市政管理科")), "井盖缺失，请到场", accounts.principal("deren"));
		clock.advance(Duration.ofMinutes(29));
		scan.scan();
		assertThat(escalations(c, chiefPhone)).isZero();

		clock.advance(Duration.ofMinutes(2));
		scan.scan();
		scan.scan();
		assertThat(escalations(c, chiefPhone)).as("the unit's leader, once").isEqualTo(1);
		assertThat(escalations(c, "13800000003")).as("the bureau's 督查").isEqualTo(1);
		assertThat(history.entries(c.id())).extracting(CaseHistory.Entry::note)
			.anyMatch(note -> note != null && note.contains("未在时限内报到，已升级"));

		CaseCall late = calls.calls(c.id(), accounts.principal("handler")).get(0);
		assertThat(late.lateReport()).isTrue();
		clock.advance(Duration.ofMinutes(15));
		calls.reportIn(late.id(), accounts.principal("handler"));
		CaseCall reported = calls.calls(c.id(), accounts.principal("handler")).get(0);
		assertThat(reported.reportedAt()).isNotNull();
		assertThat(reported.overdueAt()).as("the mark is kept").isEqualTo(late.overdueAt());
		assertThat(reported.lateReport()).isTrue();

		rollups.refresh();
		assertThat(jdbc.sql("SELECT late_whistles FROM assessment_case_fact WHERE case_id = ?").param(c.id())
			.query(Integer.class).single()).as("it counts in the assessment").isEqualTo(1);
	}

	@Test
	void aWhistleReportedInLateBeforeTheScanIsMarkedLateToo() {
		CaseView c = newCase();
		calls.whistle(c.id(), List.of(unit("市政管理科")), "请到场", accounts.principal("deren"));
		clock.advance(Duration.ofMinutes(31));
		CaseCall call = calls.calls(c.id(), accounts.principal("handler")).get(0);
		calls.reportIn(call.id(), accounts.principal("handler"));
		CaseCall reported = calls.calls(c.id(), accounts.principal("handler")).get(0);
		assertThat(reported.overdueAt()).isNotNull();
		assertThat(reported.lateReport()).isTrue();
	}

	private int escalations(CaseView c, String phone) {
		return jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE recipient = ? AND message LIKE ?")
			.params(phone, "%督办提醒：案件 " + c.trackingCode() + "%")
			.query(Integer.class)
			.single();
	}

}
