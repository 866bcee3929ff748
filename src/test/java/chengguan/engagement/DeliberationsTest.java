package chengguan.engagement;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import chengguan.cases.CaseService;
import chengguan.cases.CaseState;
import chengguan.intake.ReportKind;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.web.UserFacingException;
import chengguan.support.IntegrationTest;
import chengguan.support.MutableClock;
import chengguan.support.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Deliberation meetings: resolutions become tasks or cases, and the next meeting follows them up. */
@IntegrationTest
class DeliberationsTest {

	@Autowired
	Deliberations deliberations;

	@Autowired
	CaseService cases;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	private void today(String date) {
		clock.setTo(OffsetDateTime.parse(date + "T10:00:00+08:00").toInstant());
	}

	private long meeting(String community, String date, String title) {
		return deliberations.record(new DeliberationMeetingEntry(community, DeliberationKind.FOUR_PARTY, title,
				LocalDate.parse(date), "社区议事厅", "1. 停车秩序\n2. 楼道堆物",
				null, List.of(new DeliberationMeetingEntry.Attendee(DeliberationRole.RESIDENTS_COMMITTEE, "孙丽华"),
						new DeliberationMeetingEntry.Attendee(DeliberationRole.PROPERTY_COMPANY, "王经理"),
						new DeliberationMeetingEntry.Attendee(DeliberationRole.CITY_MANAGEMENT, "张伟"))),
				accounts.principal("xingren"));
	}

	@Test
	void tasksOfAMeetingAreFollowedUpAtTheNextOneWithOverdueOnesMarkedByTheClock() {
		StaffPrincipal liaison = accounts.principal("xingren");
		today("2026-11-02");
		long first = meeting("370471001004", "2026-11-02", "十一月四位一体议事");
		long lines = deliberations.addTask(first, "在 3 号楼东侧施划非机动车停放线", "德仁物业", LocalDate.parse("2026-11-20"), liaison);
		long stairs = deliberations.addTask(first, "清理 5 号楼楼道堆物", "业委会", LocalDate.parse("2026-11-10"), liaison);
		long sign = deliberations.addTask(first, "南门增设限速提示牌", "兴仁中队", LocalDate.parse("2026-12-05"), liaison);
		assertThatThrownBy(() -> deliberations.addTask(first, "期限早于会议", "物业", LocalDate.parse("2026-11-01"), liaison))
			.extracting(ex -> ((UserFacingException) ex).messageCode())
			.isEqualTo("deliberation.task.deadline");
		assertThat(deliberations.get(first, liaison).followUps()).isEmpty();

		today("2026-11-05");
		long stairsVersion = deliberations.get(first, liaison).resolutions().stream()
			.filter(r -> r.id() == stairs).findFirst().orElseThrow().version();
		deliberations.completeTask(stairs, stairsVersion, "已清理完毕", liaison);

		today("2026-12-01");
		long second = meeting("370471001004", "2026-12-01", "十二月四位一体议事");
		Map<Long, DeliberationResolution> followUps = deliberations.get(second, liaison).followUps()
			.stream()
			.collect(Collectors.toMap(DeliberationResolution::id, r -> r));
		assertThat(followUps).containsOnlyKeys(lines, stairs, sign);
		// 2026-11-20 has passed on 2026-12-01 with the lines still not painted
		assertThat(followUps.get(lines).taskOpen()).isTrue();
		assertThat(followUps.get(lines).overdue()).isTrue();
		assertThat(followUps.get(lines).taskDeadline()).isEqualTo(LocalDate.parse("2026-11-20"));
		assertThat(followUps.get(lines).taskOwner()).isEqualTo("德仁物业");
		assertThat(followUps.get(stairs).taskOpen()).isFalse();
		assertThat(followUps.get(stairs).doneOn()).isEqualTo(LocalDate.parse("2026-11-05"));
		assertThat(followUps.get(sign).overdue()).as("due 2026-12-05").isFalse();

		DeliberationMeetingRow row = deliberations.list(liaison).stream().filter(m -> m.id() == first).findFirst()
			.orElseThrow();
		assertThat(row.resolutions()).isEqualTo(3);
		assertThat(row.openTasks()).isEqualTo(2);
		assertThat(row.overdueTasks()).isEqualTo(1);

		// a month on: what was done before the previous meeting drops out, what is still open stays
		today("2027-01-04");
		long third = meeting("370471001004", "2027-01-04", "一月四位一体议事");
		Map<Long, DeliberationResolution> later = deliberations.get(third, liaison).followUps()
			.stream()
			.collect(Collectors.toMap(DeliberationResolution::id, r -> r));
		assertThat(later).containsOnlyKeys(lines, sign);
		assertThat(later.get(sign).overdue()).isTrue();

		long elsewhere = meeting("370471001006", "2027-01-04", "别的社区的议事会");
		assertThat(deliberations.get(elsewhere, liaison).followUps()).isEmpty();
	}

	@Test
	void aResolutionBecomesACaseOfTheMeetingsCommunityThroughTheCommunityBodyChannel() {
		StaffPrincipal liaison = accounts.principal("xingren");
		long meeting = meeting("370471001005", "2026-11-10", "幸福圆桌会：占道经营");
		long id = deliberations.addCase(meeting, "兴仁路菜市场门口早市占道经营，影响通行", "E0101", ReportKind.COMPLAINT, liaison);

		DeliberationResolution resolution = deliberations.get(meeting, liaison).resolutions().stream()
			.filter(r -> r.id() == id).findFirst().orElseThrow();
		assertThat(resolution.followUp()).isEqualTo(DeliberationFollowUp.CASE);
		assertThat(resolution.reportTrackingCode()).isNotBlank();
		record Report(String channel, String kind, String community, String description) {
		}
		Report report = jdbc.sql("""
				SELECT r.channel, r.kind, g.code, r.description FROM report r JOIN region g ON g.id = r.community_id
				WHERE r.id = ?""")
			.param(resolution.reportId())
			.query((rs, n) -> new Report(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.single();
		assertThat(report).isEqualTo(new Report("COMMUNITY_BODY", "COMPLAINT", "370471001005",
				"兴仁路菜市场门口早市占道经营，影响通行"));
		assertThat(cases.forReport(resolution.reportId(), TestAccounts.EVERYWHERE)).hasValueSatisfying(c -> {
			assertThat(c.state()).isEqualTo(CaseState.PENDING);
			assertThat(c.trackingCode()).isEqualTo(resolution.reportTrackingCode());
		});
	}

	@Test
	void aMeetingKeepsItsAttendeesByRoleAndIsOutOfReachOfOtherStreets() {
		long meeting = meeting("370471001005", "2026-11-12", "居民议事会：楼道堆物");
		DeliberationMeeting read = deliberations.get(meeting, accounts.principal("xingren"));
		assertThat(read.attendees()).extracting(DeliberationMeetingEntry.Attendee::role)
			.containsExactly(DeliberationRole.RESIDENTS_COMMITTEE, DeliberationRole.PROPERTY_COMPANY,
					DeliberationRole.CITY_MANAGEMENT);
		assertThatThrownBy(() -> deliberations.get(meeting, accounts.principal("xingcheng")))
			.extracting(ex -> ((UserFacingException) ex).status().value())
			.isEqualTo(404);
	}

}
