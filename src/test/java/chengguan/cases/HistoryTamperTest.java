package chengguan.cases;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import chengguan.Application;
import chengguan.intake.Channel;
import chengguan.intake.IntakeService;
import chengguan.intake.ReportKind;
import chengguan.intake.ReportSubmission;
import chengguan.intake.SubmittedReport;
import chengguan.platform.cli.AdminCommands;
import chengguan.platform.history.HistoryAnchors;
import chengguan.platform.history.HistoryCheck;
import chengguan.platform.history.HistoryProperties;
import chengguan.platform.security.StaffPrincipal;
import chengguan.support.IsolatedDatabase;
import chengguan.support.Tamper;
import chengguan.support.TestAccounts;
import chengguan.support.TestClockConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 14's four tamper methods, done with direct SQL past the append-only triggers as a database superuser would,
 * are all found; the triggers refuse UPDATE and DELETE; the command-line tools run without a web server. A database
 * of its own, because these tests leave tampered history behind, in this order.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClockConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HistoryTamperTest {

	private static String schema;

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		schema = IsolatedDatabase.register(registry, "tamper");
	}

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
	DataSource dataSource;

	@Autowired
	HistoryAnchors anchors;

	@Autowired
	HistoryCheck check;

	@Autowired
	HistoryProperties historyProperties;

	@Autowired
	Environment environment;

	@Autowired
	MockMvc mvc;

	private ConfigurableApplicationContext commandLine;

	private StaffPrincipal dispatcher() {
		return accounts.principal("dispatcher");
	}

	private CaseView caseWithSteps() {
		SubmittedReport report = intake.submitFromResident(ReportSubmission.fromResident(Channel.QR_CODE,
				"370471001003", "C0109", ReportKind.HELP, "路灯不亮，晚上很黑",
				new BigDecimal("34.70" + (int) (Math.random() * 9000)), new BigDecimal("117.10"), 10, "天安小区", null,
				List.of(), null, null));
		CaseView c = cases.forReport(report.id(), TestAccounts.EVERYWHERE).orElseThrow();
		c = cases.act(c.id(), CaseAction.ACCEPT, c.version(), "已受理", null, dispatcher());
		c = cases.act(c.id(), CaseAction.REGISTER, c.version(), "属于城管职责", null, dispatcher());
		long unit = jdbc.sql("SELECT id FROM org_unit WHERE name = '市政管理科'").query(Long.class).single();
		return cases.act(c.id(), CaseAction.DISPATCH, c.version(), "请尽快处理", unit, dispatcher());
	}

	private List<String> brokenCases() {
		return history.verify().stream().map(b -> Long.toString(b.caseId())).toList();
	}

	/** The command-line tool in a context of its own on this test's database and anchor file. */
	private ConfigurableApplicationContext commandLine() {
		if (commandLine == null) {
			commandLine = AdminCommands.start(Application.class, args());
		}
		return commandLine;
	}

	private String[] args(String... more) {
		List<String> all = new java.util.ArrayList<>(List.of(
				"--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
				"--chengguan.history.anchor-file=" + historyProperties.anchorFile().toAbsolutePath()));
		if (environment.getProperty("spring.flyway.schemas") != null) {
			all.add("--spring.flyway.schemas=" + environment.getProperty("spring.flyway.schemas"));
		}
		all.addAll(List.of(more));
		return all.toArray(String[]::new);
	}

	private record Run(int status, String output) {
	}

	private Run runCommand(String option, String... args) {
		PrintStream original = System.out;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
		try {
			int status = AdminCommands.execute(commandLine(), option, new DefaultApplicationArguments(args(args)));
			return new Run(status, captured.toString(StandardCharsets.UTF_8));
		}
		finally {
			System.setOut(original);
		}
	}

	@Test
	@Order(1)
	void theCommandLineCheckRunsWithoutAWebServerAndExitsZeroWhenTheHistoryIsIntact() {
		caseWithSteps();
		anchors.append(jdbc);
		assertThat(AdminCommands.requested("--check-history")).contains("check-history");
		assertThat(AdminCommands.requested("--server.port=18082")).isEmpty();

		Run run = runCommand("check-history", "--check-history");

		assertThat(commandLine()).isNotInstanceOf(WebServerApplicationContext.class);
		assertThat(commandLine().getBeanNamesForType(
				org.springframework.boot.web.server.servlet.ServletWebServerFactory.class)).isEmpty();
		assertThat(commandLine().getEnvironment().getProperty("chengguan.jobs.enabled")).isEqualTo("false");
		assertThat(run.status()).isZero();
		assertThat(run.output()).contains("办理经过与审计日志完整", "case_history", "件案卷", "audit_event", "个锚点相符");
	}

	@Test
	@Order(2)
	void theDatabaseRefusesToUpdateOrDeleteHistoryAndAuditRows() {
		CaseView c = caseWithSteps();
		assertThatThrownBy(() -> jdbc.sql("UPDATE case_history SET note = '已妥善处理' WHERE case_id = ?").param(c.id())
			.update()).isInstanceOf(DataAccessException.class);
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM case_history WHERE case_id = ?").param(c.id()).update())
			.isInstanceOf(DataAccessException.class);
		assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET detail = 'x'").update())
			.isInstanceOf(DataAccessException.class);
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event").update()).isInstanceOf(DataAccessException.class);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM case_history WHERE case_id = ?").param(c.id()).query(Integer.class)
			.single()).isEqualTo(4);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM case_history WHERE case_id = ? AND mac_alg = 'HMAC-SHA256' AND key_id = 'test-1'")
			.param(c.id()).query(Integer.class).single()).isEqualTo(4);
	}

	@Test
	@Order(3)
	void anEntryEditedInTheMiddleIsFound() {
		CaseView c = caseWithSteps();
		Tamper.asSuperuser(dataSource, "case_history", "UPDATE case_history SET note = '不属于城管职责' WHERE case_id = ? AND seq = 2",
				c.id());
		assertThat(history.verify()).filteredOn(b -> b.caseId() == c.id()).singleElement().satisfies(b -> {
			assertThat(b.seq()).isEqualTo(2);
			assertThat(b.reason()).contains("content changed");
		});
	}

	@Test
	@Order(4)
	void theLastEntryEditedAndRehashedIsFound() {
		CaseView c = caseWithSteps();
		record Last(int seq, Instant at, String actor, String action, String from, String to, String prevHash) {
		}
		Last last = jdbc.sql("""
				SELECT seq, occurred_at, actor, action, from_state, to_state, prev_hash FROM case_history
				WHERE case_id = ? ORDER BY seq DESC LIMIT 1""").param(c.id())
			.query((rs, n) -> new Last(rs.getInt(1), rs.getObject(2, java.time.OffsetDateTime.class).toInstant(),
					rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)))
			.single();
		String forged = "已妥善处理，居民满意";
		// what an attacker can compute without the key: the plain hash of the chain before the key existed
		String rehash = CaseHistory.hash(last.prevHash(), c.id(), last.seq(), last.at(), last.actor(), last.action(),
				CaseState.valueOf(last.from()), CaseState.valueOf(last.to()), forged, null);
		Tamper.asSuperuser(dataSource, "case_history",
				"UPDATE case_history SET note = ?, hash = ? WHERE case_id = ? AND seq = ?", forged, rehash, c.id(),
				last.seq());
		assertThat(history.verify()).filteredOn(b -> b.caseId() == c.id()).singleElement()
			.satisfies(b -> assertThat(b.reason()).contains("content changed"));

		Tamper.asSuperuser(dataSource, "case_history",
				"UPDATE case_history SET mac_alg = 'SHA-256', key_id = NULL WHERE case_id = ? AND seq = ?", c.id(),
				last.seq());
		assertThat(history.verify()).filteredOn(b -> b.caseId() == c.id()).singleElement()
			.satisfies(b -> assertThat(b.reason()).contains("without the key"));
	}

	@Test
	@Order(5)
	void theLastEntryDeletedWithTheCaseStateSetToMatchIsFoundAgainstTheAnchor() {
		CaseView c = caseWithSteps();
		anchors.append(jdbc);
		Tamper.asSuperuser(dataSource, "case_history",
				"DELETE FROM case_history WHERE case_id = ? AND seq = (SELECT MAX(seq) FROM case_history WHERE case_id = ?)",
				c.id(), c.id());
		jdbc.sql("UPDATE case_file SET state = 'REGISTERED' WHERE id = ?").param(c.id()).update();
		// the case's own chain still adds up: only the anchor can tell
		assertThat(brokenCases()).doesNotContain(Long.toString(c.id()));

		HistoryCheck.Result result = check.run("测试");

		assertThat(result.intact()).isFalse();
		assertThat(result.affected("case")).contains(Long.toString(c.id()));
		assertThat(result.lines()).anySatisfy(line -> assertThat(line).contains("case_history", "应有"));
		assertThat(result.findings()).filteredOn(f -> f.targetId().equals(Long.toString(c.id())))
			.allSatisfy(f -> assertThat(f.reason()).contains("锚点"));
	}

	@Test
	@Order(6)
	void aWholeChainRewrittenIsFound() {
		CaseView c = caseWithSteps();
		anchors.append(jdbc);
		record Row(long id, int seq, Instant at, String actor, String action, String from, String to, String note) {
		}
		List<Row> rows = jdbc.sql("""
				SELECT id, seq, occurred_at, actor, action, from_state, to_state, note FROM case_history
				WHERE case_id = ? ORDER BY seq""").param(c.id())
			.query((rs, n) -> new Row(rs.getLong(1), rs.getInt(2),
					rs.getObject(3, java.time.OffsetDateTime.class).toInstant(), rs.getString(4), rs.getString(5),
					rs.getString(6), rs.getString(7), rs.getString(8)))
			.list();
		String previous = CaseHistory.GENESIS;
		for (Row row : rows) {
			String note = row.seq() == 3 ? "不属于城管职责，已转交" : row.note();
			String rehash = CaseHistory.hash(previous, c.id(), row.seq(), row.at(), row.actor(), row.action(),
					row.from() == null ? null : CaseState.valueOf(row.from()), CaseState.valueOf(row.to()), note, null);
			Tamper.asSuperuser(dataSource, "case_history", """
					UPDATE case_history SET note = ?, prev_hash = ?, hash = ?, mac_alg = 'SHA-256', key_id = NULL,
					    note_hash = NULL WHERE id = ?""", note, previous, rehash, row.id());
			previous = rehash;
		}

		HistoryCheck.Result result = check.run("测试");

		assertThat(result.affected("case")).contains(Long.toString(c.id()));
		assertThat(result.findings()).filteredOn(f -> f.targetId().equals(Long.toString(c.id())))
			.anySatisfy(f -> assertThat(f.reason()).contains("without the key"))
			.anySatisfy(f -> assertThat(f.reason()).contains("锚点"));
	}

	@Test
	@Order(7)
	void anEditedAuditEntryIsFound() {
		long id = jdbc.sql("SELECT MAX(id) FROM audit_event").query(Long.class).single();
		Tamper.asSuperuser(dataSource, "audit_event", "UPDATE audit_event SET actor = 'someone-else' WHERE id = ?", id);

		HistoryCheck.Result result = check.run("测试");

		assertThat(result.findings()).anySatisfy(f -> {
			assertThat(f.targetType()).isEqualTo("audit");
			assertThat(f.targetId()).isEqualTo(Long.toString(id));
		});
	}

	@Test
	@Order(8)
	void aFailedScheduledCheckMarksTheCaseAndAlarmsTheAdministrators() throws Exception {
		CaseView c = caseWithSteps();
		CaseView untouched = caseWithSteps();
		String phone = jdbc.sql("SELECT phone FROM staff WHERE phone IS NOT NULL ORDER BY id LIMIT 1").query(String.class)
			.single();
		jdbc.sql("UPDATE user_account SET staff_id = (SELECT id FROM staff WHERE phone = ? ORDER BY id LIMIT 1) WHERE username = 'admin'")
			.param(phone).update();
		Tamper.asSuperuser(dataSource, "case_history", "UPDATE case_history SET actor = 'nobody' WHERE case_id = ? AND seq = 1",
				c.id());

		check.run("定时校验");

		mvc.perform(get("/cases/" + c.id()).with(accounts.as("dispatcher")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("办理经过校验未通过")))
			.andExpect(content().string(not(containsString("防篡改"))));
		mvc.perform(get("/cases/" + untouched.id()).with(accounts.as("dispatcher")))
			.andExpect(content().string(not(containsString("办理经过校验未通过"))));
		mvc.perform(get("/audit/history").with(accounts.as("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("history-alarm")))
			.andExpect(content().string(containsString("/cases/" + c.id())));
		mvc.perform(get("/audit").with(accounts.as("admin")))
			.andExpect(content().string(containsString("history-alarm")));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'HISTORY_CHECK_FAILED'").query(Integer.class)
			.single()).isPositive();
		assertThat(jdbc.sql("SELECT message FROM notification_outbox WHERE recipient = ? ORDER BY id").param(phone)
			.query(String.class).list()).anySatisfy(m -> assertThat(m).contains("办理经过校验未通过"));
	}

	@Test
	@Order(9)
	void theCommandLineCheckExitsNonZeroWithTheAffectedCases() {
		List<String> broken = brokenCases();
		assertThat(broken).isNotEmpty();

		Run run = runCommand("check-history", "--check-history");

		assertThat(run.status()).isEqualTo(HistoryCheckCommand.TAMPERED);
		assertThat(run.output()).contains("受影响的案卷", "发现篡改迹象");
		broken.forEach(id -> assertThat(run.output()).contains(id));
	}

	@Test
	@Order(10)
	void unlockUserClearsTheLockFromTheCommandLineAndIsAudited() {
		jdbc.sql("""
				INSERT INTO sign_in_failure (client_ip, username, failures, blocks, last_failure_at, blocked_until)
				VALUES ('10.9.8.7', 'inspector', 12, 1, ?, ?)""")
			.params(java.time.OffsetDateTime.now(), java.time.OffsetDateTime.now().plusHours(1))
			.update();

		Run run = runCommand("unlock-user", "--unlock-user=inspector");

		assertThat(run.status()).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM sign_in_failure WHERE username = 'inspector'").query(Integer.class)
			.single()).isZero();
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM audit_event WHERE action = 'USER_UNLOCKED' AND actor = 'command-line'
				AND target_id = (SELECT CAST(id AS VARCHAR(64)) FROM user_account WHERE username = 'inspector')""")
			.query(Integer.class).single()).isEqualTo(1);
		assertThat(runCommand("unlock-user", "--unlock-user=no-such-user").status()).isEqualTo(2);
	}

	@AfterAll
	void closeAndDropOwnSchema() {
		if (commandLine != null) {
			commandLine.close();
		}
		if (schema != null) {
			jdbc.sql("DROP SCHEMA " + schema + " CASCADE").update();
		}
	}

}
