package chengguan.cases;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import chengguan.account.AccountService;
import chengguan.account.NewAccount;
import chengguan.intake.Channel;
import chengguan.intake.IntakeService;
import chengguan.intake.ReportKind;
import chengguan.intake.ReportSubmission;
import chengguan.platform.security.Role;
import chengguan.platform.security.StaffPrincipal;
import chengguan.support.IntegrationTest;
import chengguan.support.MutableClock;
import chengguan.support.TestAccounts;
import chengguan.support.TestImages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 核实 and 核查 as tasks (issue 16): sent by the dispatcher, seen in the assignee's 我的待办, recorded once with photos,
 * in the history, due on the work calendar, refused outside the data scope — and never moving the case by itself.
 */
@IntegrationTest
class CaseTasksTest {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Autowired
	CaseService cases;

	@Autowired
	CaseTasks tasks;

	@Autowired
	CaseHistory history;

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
	MockMvc mvc;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	private StaffPrincipal dispatcher() {
		return accounts.principal("dispatcher");
	}

	/** A case in 德仁社区 (E0101), accepted, waiting to be registered. */
	private CaseView accepted() {
		long reportId = intake.submitFromResident(ReportSubmission.fromResident(Channel.QR_CODE, "370471001001",
				"E0101", ReportKind.COMPLAINT, "小区门口垃圾堆了三天没人收", null, null, null, "德仁小区" + System.nanoTime(),
				null, List.of(), null, null)).id();
		CaseView c = cases.forReport(reportId, TestAccounts.EVERYWHERE).orElseThrow();
		return cases.act(c.id(), CaseAction.ACCEPT, c.version(), null, null, dispatcher());
	}

	/** A new staff member of the unit nearest above the case's community, with a signed-in account of their own. */
	private record Liaison(long staffId, String username) {
	}

	private Liaison liaisonFor(CaseView c) {
		long unit = jdbc.sql("""
				SELECT u.id FROM org_unit u JOIN region r ON r.id = u.region_id
				WHERE u.active = TRUE AND :path LIKE CONCAT(r.path, '%') ORDER BY LENGTH(r.path) DESC, u.id LIMIT 1""")
			.param("path", c.regionPath())
			.query(Long.class)
			.single();
		jdbc.sql("INSERT INTO staff (name, unit_id, position_title) VALUES ('核实员', ?, '社区联络员')").param(unit).update();
		long staffId = jdbc.sql("SELECT MAX(id) FROM staff").query(Long.class).single();
		long region = jdbc.sql("SELECT id FROM region WHERE code = '370471001001'").query(Long.class).single();
		String username = "liaison-" + System.nanoTime() % 1_000_000;
		accountService.createWithChosenPassword(new NewAccount(username, "测试联络员", staffId, region, Set.of(Role.LIAISON)),
				TestAccounts.PASSWORD);
		return new Liaison(staffId, username);
	}

	private CaseTasks.Task only(long caseId) {
		List<CaseTasks.Task> all = tasks.tasks(caseId, TestAccounts.EVERYWHERE);
		assertThat(all).hasSize(1);
		return all.get(0);
	}

	@Test
	void aVerifyTaskReachesTheLiaisonAndItsResultIsRecordedOnceWithAPhoto() throws Exception {
		CaseView c = accepted();
		Liaison liaison = liaisonFor(c);
		mvc.perform(post("/cases/" + c.id() + "/tasks").param("kind", "VERIFY_REPORT")
			.param("staffId", Long.toString(liaison.staffId()))
			.param("note", "请拍照核实")
			.with(accounts.as("dispatcher"))
			.with(csrf())).andExpect(status().is3xxRedirection());
		CaseTasks.Task task = only(c.id());
		assertThat(task.open()).isTrue();

		// 我的待办 of the liaison lists the case although a liaison takes no step on an accepted case
		mvc.perform(get("/cases").param("inbox", "MINE").with(accounts.as(liaison.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(c.trackingCode())));
		// the case page shows the task with the category's 立案条件 and says the result does not move the case
		mvc.perform(get("/cases/" + c.id()).with(accounts.as(liaison.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("立案条件：")))
			.andExpect(content().string(containsString("不会自动改变案件状态")))
			.andExpect(content().string(containsString("task-result-form")))
			.andExpect(content().string(containsString("派发核实")));

		MockMultipartFile photo = new MockMultipartFile("photos", "site.jpg", "image/jpeg",
				TestImages.jpegWithExif(40, 30, 1));
		mvc.perform(multipart("/cases/" + c.id() + "/tasks/" + task.id() + "/result").file(photo)
			.param("result", "CONFIRMED")
			.param("note", "现场属实")
			.param("latitude", "36.65")
			.param("longitude", "117.12")
			.param("accuracy", "12")
			.with(accounts.as(liaison.username()))
			.with(csrf())).andExpect(status().is3xxRedirection());

		CaseTasks.Task done = only(c.id());
		assertThat(done.result()).isEqualTo(CaseTasks.Result.CONFIRMED);
		assertThat(done.latitude()).isEqualTo(36.65);
		assertThat(cases.get(c.id(), TestAccounts.EVERYWHERE).state()).isEqualTo(CaseState.ACCEPTED);
		List<CaseHistory.Entry> entries = history.entries(c.id());
		assertThat(entries).extracting(CaseHistory.Entry::action)
			.contains("TASK_VERIFY_REPORT", "TASK_VERIFY_REPORT_DONE");
		CaseHistory.Entry result = entries.get(entries.size() - 1);
		assertThat(result.note()).contains("属实").contains("现场属实");
		assertThat(result.photoIds()).hasSize(1);
		mvc.perform(get("/cases/" + c.id() + "/photos/" + result.photoIds().get(0)).with(accounts.as(liaison.username())))
			.andExpect(status().isOk());

		// done: no longer in 我的待办, and a second result is refused
		mvc.perform(get("/cases").param("inbox", "MINE").with(accounts.as(liaison.username())))
			.andExpect(content().string(not(containsString(c.trackingCode()))));
		mvc.perform(post("/cases/" + c.id() + "/tasks/" + task.id() + "/result").param("result", "NOT_CONFIRMED")
			.with(accounts.as(liaison.username()))
			.with(csrf())).andExpect(status().isConflict()).andExpect(content().string(containsString("不能重复提交")));
		assertThat(only(c.id()).result()).isEqualTo(CaseTasks.Result.CONFIRMED);
	}

	@Test
	void aCheckTaskAfterFeedbackRecordsFailedAndOthersMayNotRecordIt() throws Exception {
		CaseView c = accepted();
		Liaison liaison = liaisonFor(c);
		// no 核查 before 反馈
		mvc.perform(post("/cases/" + c.id() + "/tasks").param("kind", "CHECK_RESULT")
			.param("staffId", Long.toString(liaison.staffId()))
			.with(accounts.as("dispatcher"))
			.with(csrf())).andExpect(status().isConflict());
		c = cases.act(c.id(), CaseAction.REGISTER, c.version(), null, null, dispatcher());
		long unit = jdbc.sql("SELECT id FROM org_unit WHERE name = '市政管理科'").query(Long.class).single();
		c = cases.act(c.id(), CaseAction.DISPATCH, c.version(), null, unit, dispatcher());
		c = cases.act(c.id(), CaseAction.START, c.version(), null, null, accounts.principal("handler"));
		c = cases.act(c.id(), CaseAction.FEEDBACK_DONE, c.version(), "已清运", null, accounts.principal("handler"));
		CaseTasks.Task task = tasks.send(c.id(), CaseTasks.Kind.CHECK_RESULT, liaison.staffId(), null, dispatcher());

		mvc.perform(get("/cases/" + c.id()).with(accounts.as(liaison.username())))
			.andExpect(content().string(containsString("结案条件：")));
		// someone else of the same scope who is not the assignee nor a dispatcher
		mvc.perform(post("/cases/" + c.id() + "/tasks/" + task.id() + "/result").param("result", "FAILED")
			.with(accounts.as("handler"))
			.with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post("/cases/" + c.id() + "/tasks/" + task.id() + "/result").param("result", "CONFIRMED")
			.with(accounts.as(liaison.username()))
			.with(csrf())).andExpect(status().isBadRequest());
		mvc.perform(post("/cases/" + c.id() + "/tasks/" + task.id() + "/result").param("result", "FAILED")
			.param("note", "仍有垃圾残留")
			.with(accounts.as(liaison.username()))
			.with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(only(c.id()).result()).isEqualTo(CaseTasks.Result.FAILED);
		assertThat(cases.get(c.id(), TestAccounts.EVERYWHERE).state()).isEqualTo(CaseState.FEEDBACK);
		assertThat(history.entries(c.id())).extracting(CaseHistory.Entry::action)
			.contains("TASK_CHECK_RESULT", "TASK_CHECK_RESULT_DONE");
	}

	@Test
	void anotherStreetGets404OnEveryTaskEndpoint() throws Exception {
		CaseView c = accepted();
		Liaison liaison = liaisonFor(c);
		CaseTasks.Task task = tasks.send(c.id(), CaseTasks.Kind.VERIFY_REPORT, liaison.staffId(), null, dispatcher());
		mvc.perform(post("/cases/" + c.id() + "/tasks").param("kind", "VERIFY_REPORT")
			.param("staffId", Long.toString(liaison.staffId()))
			.with(accounts.as("xingcheng"))
			.with(csrf())).andExpect(status().isNotFound());
		mvc.perform(post("/cases/" + c.id() + "/tasks/" + task.id() + "/result").param("result", "CONFIRMED")
			.with(accounts.as("xingcheng"))
			.with(csrf())).andExpect(status().isNotFound());
		assertThat(only(c.id()).open()).isTrue();
	}

	@Test
	void theVerifyTaskIsDueAfterTwoWorkingHoursAcrossLunch() {
		// Tuesday 8 December 2026, 11:00: one hour before lunch (12:00–13:30), one after → 14:30
		clock.setTo(LocalDateTime.parse("2026-12-08T11:00").atZone(SHANGHAI).toInstant());
		CaseView c = accepted();
		Liaison liaison = liaisonFor(c);
		CaseTasks.Task task = tasks.send(c.id(), CaseTasks.Kind.VERIFY_REPORT, liaison.staffId(), null, dispatcher());
		assertThat(task.dueAt()).isEqualTo(Instant.parse("2026-12-08T06:30:00Z"));
	}

}
