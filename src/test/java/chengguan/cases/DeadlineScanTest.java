package chengguan.cases;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import chengguan.intake.Channel;
import chengguan.intake.IntakeService;
import chengguan.intake.ReportKind;
import chengguan.intake.ReportSubmission;
import chengguan.support.IntegrationTest;
import chengguan.support.MutableClock;
import chengguan.support.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/** Time limits: the countdown's colours, and the scan that marks overdue cases and escalates them (injected clock). */
@IntegrationTest
class DeadlineScanTest {

	@Autowired
	DeadlineScan scan;

	@Autowired
	CaseService cases;

	@Autowired
	IntakeService intake;

	@Autowired
	CaseHistory history;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAccounts accounts;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	/** 暴露垃圾 (E0101): accept within 60 calendar minutes, handle within 240. */
	private CaseView newCase() {
		long reportId = intake.submitFromResident(ReportSubmission.fromResident(Channel.QR_CODE, "370471002008",
				"E0101", ReportKind.COMPLAINT, "锦绣园门口垃圾没人收", null, null, null, "锦绣园" + System.nanoTime(),
				null, List.of(), null, null)).id();
		return cases.forReport(reportId, TestAccounts.EVERYWHERE).orElseThrow();
	}

	@Test
	void aCaseTurnsYellowAt80PercentAndRedWhenTheLimitRunsOut() {
		CaseView c = newCase();
		assertThat(c.acceptDueAt()).isEqualTo(c.createdAt().plus(Duration.ofMinutes(60)));
		assertThat(c.timeStatus(c.createdAt().plus(Duration.ofMinutes(47)))).isEqualTo(CaseView.TimeStatus.ON_TIME);
		assertThat(c.timeStatus(c.createdAt().plus(Duration.ofMinutes(48)))).isEqualTo(CaseView.TimeStatus.WARNING);
		assertThat(c.timeStatus(c.createdAt().plus(Duration.ofMinutes(60)))).isEqualTo(CaseView.TimeStatus.OVERDUE);
	}

	@Test
	void anOverdueCaseIsMarkedEscalatedToTheStreetThenTheDistrictAndTheOfficerIsTold() {
		CaseView c = newCase();
		clock.advance(Duration.ofMinutes(59));
		scan.scan();
		assertThat(cases.get(c.id(), accounts.principal("dispatcher")).overdueAt()).isNull();

		clock.advance(Duration.ofMinutes(2));
		scan.scan();
		CaseView overdue = cases.get(c.id(), accounts.principal("dispatcher"));
		assertThat(overdue.overdueAt()).isNotNull();
		assertThat(overdue.escalationLevel()).isEqualTo(1);
		assertThat(escalatedTo(c)).isEqualTo("兴城街道");
		assertThat(lastHistory(c).note()).contains("已超期", "兴城街道");

		scan.scan();
		assertThat(cases.get(c.id(), accounts.principal("dispatcher")).escalationLevel()).as("once per level").isEqualTo(1);

		clock.advance(Duration.ofMinutes(60));
		scan.scan();
		assertThat(cases.get(c.id(), accounts.principal("dispatcher")).escalationLevel()).isEqualTo(2);
		assertThat(escalatedTo(c)).isEqualTo("枣庄高新区");
		assertThat(history.entries(c.id())).extracting(CaseHistory.Entry::action)
			.containsExactly("OPENED", "OVERDUE", "ESCALATED");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE message LIKE ?")
			.param("%" + c.trackingCode() + " 已超期%").query(Integer.class).single()).isEqualTo(2);
		assertThat(history.verify()).noneMatch(b -> b.caseId() == c.id());
	}

	@Test
	void acceptingStartsANewLimitAndClearsTheOverdueMark() {
		CaseView c = newCase();
		clock.advance(Duration.ofMinutes(61));
		scan.scan();
		CaseView overdue = cases.get(c.id(), accounts.principal("dispatcher"));
		CaseView accepted = cases.act(c.id(), CaseAction.ACCEPT, overdue.version(), null, null,
				accounts.principal("dispatcher"));
		assertThat(accepted.overdueAt()).as("still in the accept phase: still late").isNotNull();
		CaseView registered = cases.act(c.id(), CaseAction.REGISTER, accepted.version(), null, null,
				accounts.principal("dispatcher"));
		assertThat(registered.overdueAt()).isNull();
		assertThat(registered.handleDueAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(240)));
		assertThat(registered.timeStatus(clock.instant())).isEqualTo(CaseView.TimeStatus.ON_TIME);
	}

	private String escalatedTo(CaseView c) {
		Long region = jdbc.sql("SELECT escalated_to_region_id FROM case_file WHERE id = ?").param(c.id())
			.query(Long.class).single();
		return jdbc.sql("SELECT name FROM region WHERE id = ?").param(region).query(String.class).single();
	}

	private CaseHistory.Entry lastHistory(CaseView c) {
		List<CaseHistory.Entry> entries = history.entries(c.id());
		return entries.get(entries.size() - 1);
	}

}
