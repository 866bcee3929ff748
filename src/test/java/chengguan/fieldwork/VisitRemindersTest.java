package chengguan.fieldwork;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import chengguan.fieldwork.DutyLogEntry.Participant;
import chengguan.platform.security.StaffPrincipal;
import chengguan.support.IntegrationTest;
import chengguan.support.MutableClock;
import chengguan.support.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compliance of everyone who owes visits, against the rule that applies, and the reminders to those behind shortly
 * before the period ends — once per period.
 */
@IntegrationTest
class VisitRemindersTest {

	@Autowired
	VisitReminders reminders;

	@Autowired
	VisitComplianceReport report;

	@Autowired
	VisitRules rules;

	@Autowired
	DutyLogs logs;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	MutableClock clock;

	@BeforeEach
	@AfterEach
	void clean() {
		clock.reset();
		jdbc.sql("DELETE FROM visit_rule_version").update();
		jdbc.sql("DELETE FROM visit_rule").update();
		jdbc.sql("DELETE FROM visit_reminder").update();
		jdbc.sql("DELETE FROM notification_outbox WHERE message LIKE '【城管进社区】%走访%'").update();
		jdbc.sql("DELETE FROM duty_log_participant WHERE log_id IN (SELECT id FROM duty_log"
				+ " WHERE log_date BETWEEN '2025-03-01' AND '2025-03-31')").update();
		jdbc.sql("DELETE FROM duty_log WHERE log_date BETWEEN '2025-03-01' AND '2025-03-31'").update();
	}

	private long region(String code) {
		return jdbc.sql("SELECT id FROM region WHERE code = ?").param(code).query(Long.class).single();
	}

	private void at(String shanghaiTime) {
		clock.setTo(OffsetDateTime.parse(shanghaiTime + "+08:00").toInstant());
	}

	private void visit(StaffPrincipal liaison, String community, String date, LocalTime start, LocalTime end) {
		logs.record(new DutyLogEntry(community, LocalDate.parse(date), start, end, Set.of(WorkItem.PATROL),
				"巡查小区周边市容秩序", null, null,
				List.of(new Participant(Participant.Role.STAFF, liaison.staffId(), null, null)), null, null, null),
				liaison);
	}

	private List<String> messagesTo(String phone) {
		return jdbc.sql("SELECT message FROM notification_outbox WHERE recipient = ? AND message LIKE '【城管进社区】%走访%'"
				+ " ORDER BY message")
			.param(phone)
			.query(String.class)
			.list();
	}

	@Test
	void theWeeklyRuleOf兴仁街道MeasuresEachPersonAndCommunity() {
		rules.setUnchecked(new VisitRule(region("370471001"), VisitPeriod.WEEK, 1, 120, 0, "每周不少于1次，每次不少于2小时"));
		StaffPrincipal zhangWei = accounts.principal("xingren");
		at("2025-03-14T08:00:00");
		visit(zhangWei, "370471001001", "2025-03-10", LocalTime.of(9, 0), LocalTime.of(11, 30));
		// 90 minutes: recorded, but too short to count under this rule
		visit(zhangWei, "370471001002", "2025-03-11", LocalTime.of(14, 0), LocalTime.of(15, 30));

		List<VisitComplianceReport.Row> rows = report.report(zhangWei.scope(), LocalDate.parse("2025-03-10"),
				LocalDate.parse("2025-03-16"));
		// six communities, each with its responsible officer and the liaison 张伟
		assertThat(rows).hasSize(12);
		VisitComplianceReport.Row deren = row(rows, "德仁社区", zhangWei.staffId());
		assertThat(deren.behind()).isFalse();
		assertThat(deren.visits()).isEqualTo(1);
		assertThat(deren.minutes()).isEqualTo(150);
		assertThat(deren.ruleRegionName()).isEqualTo("兴仁街道");
		VisitComplianceReport.Row guangming = row(rows, "光明社区", zhangWei.staffId());
		assertThat(guangming.visits()).isEqualTo(1);
		assertThat(guangming.behind()).isTrue();
		assertThat(rows.stream().filter(VisitComplianceReport.Row::behind)).hasSize(11);

		// another street has no rule here: nothing to measure
		assertThat(report.report(accounts.principal("xingcheng").scope(), LocalDate.parse("2025-03-10"),
				LocalDate.parse("2025-03-16")))
			.isNotEmpty()
			.allSatisfy(row -> assertThat(row.result()).isEmpty());
	}

	@Test
	void thoseBehindAreTextedTwoDaysBeforeTheWeekEndsAndOnlyOnce() {
		rules.setUnchecked(new VisitRule(region("370471001"), VisitPeriod.WEEK, 1, 120, 0, "每周不少于1次，每次不少于2小时"));
		StaffPrincipal zhangWei = accounts.principal("xingren");
		at("2025-03-13T09:00:00");
		visit(zhangWei, "370471001001", "2025-03-10", LocalTime.of(9, 0), LocalTime.of(11, 30));
		visit(zhangWei, "370471001002", "2025-03-11", LocalTime.of(14, 0), LocalTime.of(15, 30));

		// Thursday: three days left, no reminder yet
		assertThat(reminders.remind()).isZero();

		at("2025-03-14T09:00:00");
		int sent = reminders.remind();
		// 张伟 for the five communities other than 德仁; the six responsible officers for theirs
		assertThat(sent).isEqualTo(11);
		assertThat(messagesTo("13800003001")).hasSize(5).contains(
				"【城管进社区】张伟同志：本周（3月10日–3月16日）您走访光明社区0次（每次不少于2小时才计入），要求不少于1次，请在3月16日前完成。",
				"【城管进社区】张伟同志：本周（3月10日–3月16日）您走访天安社区0次（每次不少于2小时才计入），要求不少于1次，请在3月16日前完成。");

		at("2025-03-15T09:00:00");
		assertThat(reminders.remind()).isZero();
		assertThat(messagesTo("13800003001")).hasSize(5);
	}

	@Test
	void theMonthlyFixedDaysRuleRemindsAWeekBeforeTheMonthEnds() {
		rules.setUnchecked(new VisitRule(region("370400"), VisitPeriod.MONTH, 0, 0, 4, "图木舒克：每月固定4个工作日"));
		StaffPrincipal zhangWei = accounts.principal("xingren");
		at("2025-03-24T09:00:00");
		visit(zhangWei, "370471001001", "2025-03-03", LocalTime.of(9, 0), LocalTime.of(11, 0));
		visit(zhangWei, "370471001001", "2025-03-03", LocalTime.of(14, 0), LocalTime.of(16, 0));
		visit(zhangWei, "370471001001", "2025-03-10", LocalTime.of(9, 0), LocalTime.of(11, 0));
		visit(zhangWei, "370471001001", "2025-03-17", LocalTime.of(9, 0), LocalTime.of(11, 0));
		assertThat(reminders.remind()).isPositive();
		assertThat(messagesTo("13800003001")).contains(
				"【城管进社区】张伟同志：本月（3月1日–3月31日）您走访德仁社区4次，要求固定4个工作日（已3个），请在3月31日前完成。");
	}

	private static VisitComplianceReport.Row row(List<VisitComplianceReport.Row> rows, String community, long staffId) {
		return rows.stream()
			.filter(row -> row.duty().communityName().equals(community) && row.duty().staffId() == staffId)
			.findFirst()
			.orElseThrow();
	}

}
