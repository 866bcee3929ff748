package chengguan.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import chengguan.intake.Channel;
import chengguan.intake.IntakeService;
import chengguan.intake.ReportKind;
import chengguan.intake.ReportSubmission;
import chengguan.platform.security.Role;
import chengguan.platform.security.StaffPrincipal;
import chengguan.support.IntegrationTest;
import chengguan.support.MutableClock;
import chengguan.support.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The calendar on the real database: the 2026 days from the migration, the API, the admin page and its import, the
 * alert for a missing year, and an edit recomputing running deadlines (but not overdue ones).
 */
@IntegrationTest
class WorkCalendarTest {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Autowired
	MockMvc mvc;

	@Autowired
	WorkCalendar calendar;

	@Autowired
	CalendarAlert alert;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	IntakeService intake;

	@AfterEach
	void cleanUp() {
		clock.reset();
		// 2027 stays unimported for the other tests; the snapshot is reloaded through the service's own edit path
		jdbc.sql("DELETE FROM work_calendar_day WHERE calendar_date >= DATE '2027-01-01'").update();
		jdbc.sql("DELETE FROM work_calendar_year WHERE calendar_year >= 2027").update();
		calendar.forget();
	}

	private static Instant at(String local) {
		return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
	}

	private String apiUser() {
		return accounts.newAccount("cal", "370471", Role.DISPATCHER);
	}

	@Test
	void theApiListsTheYearsHolidaysAndMakeUpDaysFromTheMigration() throws Exception {
		mvc.perform(get("/api/v1/work-calendar").param("year", "2026").with(httpBasic(apiUser(), TestAccounts.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.year").value(2026))
			.andExpect(jsonPath("$.imported").value(true))
			.andExpect(jsonPath("$.days.length()").value(39))
			.andExpect(jsonPath("$.days[?(@.date == '2026-10-01')].type").value("HOLIDAY"))
			.andExpect(jsonPath("$.days[?(@.date == '2026-10-10')].type").value("WORKDAY"))
			.andExpect(jsonPath("$.days[?(@.date == '2026-09-20')].type").value("WORKDAY"))
			.andExpect(jsonPath("$.days[?(@.date == '2026-02-23')].type").value("HOLIDAY"))
			.andExpect(jsonPath("$.days[?(@.date == '2026-01-04')].type").value("WORKDAY"));
		mvc.perform(get("/api/v1/work-calendar").param("year", "2027").with(httpBasic(apiUser(), TestAccounts.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.imported").value(false))
			.andExpect(jsonPath("$.note").value(containsString("只按双休日")));
		mvc.perform(get("/api/v1/work-calendar").param("year", "2026")).andExpect(status().isUnauthorized());
	}

	@Test
	void theApiAnswersTheIssuesDeadlines() throws Exception {
		String user = apiUser();
		mvc.perform(get(java.net.URI.create("/api/v1/work-calendar/deadline?from=2026-09-30T16:30:00%2B08:00&amount=2&unit=WORKING_HOURS"))
			.with(httpBasic(user, TestAccounts.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.deadline").value("2026-10-08T09:30:00+08:00"))
			.andExpect(jsonPath("$.weekendsOnly").doesNotExist());
		mvc.perform(get(java.net.URI.create("/api/v1/work-calendar/deadline?from=2026-09-30T10:00%2B08:00&amount=3&unit=WORKING_DAYS"))
			.with(httpBasic(user, TestAccounts.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.deadline").value("2026-10-10T10:00:00+08:00"));
		mvc.perform(get(java.net.URI.create("/api/v1/work-calendar/deadline?from=2026-09-30T16:30:00Z&amount=5&unit=NATURAL_HOURS"))
			.with(httpBasic(user, TestAccounts.PASSWORD)))
			.andExpect(jsonPath("$.deadline").value("2026-10-01T05:30:00+08:00"));
		mvc.perform(get(java.net.URI.create("/api/v1/work-calendar/deadline?from=2026-12-31T17:00%2B08:00&amount=1&unit=WORKING_HOURS"))
			.with(httpBasic(user, TestAccounts.PASSWORD)))
			.andExpect(jsonPath("$.deadline").value("2027-01-01T09:00:00+08:00"))
			.andExpect(jsonPath("$.weekendsOnly").value(true));
	}

	@Test
	void badParametersAreRefusedWithAClearChineseProblem() throws Exception {
		String user = apiUser();
		mvc.perform(get(java.net.URI.create("/api/v1/work-calendar/deadline?from=2026-09-30T16:30:00&amount=2&unit=WORKING_HOURS"))
			.with(httpBasic(user, TestAccounts.PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("带时区的 ISO 8601 时间")));
		mvc.perform(get(java.net.URI.create("/api/v1/work-calendar/deadline?from=2026-09-30T16:30:00%2B08:00&amount=2&unit=HOURS"))
			.with(httpBasic(user, TestAccounts.PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("WORKING_DAYS")));
		mvc.perform(get(java.net.URI.create("/api/v1/work-calendar/deadline?from=2026-09-30T16:30:00%2B08:00&amount=0&unit=WORKING_HOURS"))
			.with(httpBasic(user, TestAccounts.PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("amount")));
		mvc.perform(get(java.net.URI.create("/api/v1/work-calendar/deadline?amount=2&unit=WORKING_HOURS"))
			.with(httpBasic(user, TestAccounts.PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("from")));
		mvc.perform(get("/api/v1/work-calendar").param("year", "二〇二六").with(httpBasic(user, TestAccounts.PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("年份")));
	}

	@Test
	void fromFirstDecemberAdminsAreToldOnceThatNextYearIsMissingUntilItIsImported() throws Exception {
		jdbc.sql("DELETE FROM work_calendar_alert").update();
		clock.setTo(at("2026-11-30T10:00"));
		assertThat(calendar.missingYear()).isEmpty();
		assertThat(alert.raise()).isEmpty();
		clock.setTo(at("2026-12-06T10:00"));
		assertThat(calendar.missingYear()).contains(2027);
		assertThat(alert.raise()).contains(2027);
		assertThat(alert.raise()).as("once per year").isEmpty();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'CALENDAR_MISSING' AND target_id = '2027'")
			.query(Integer.class).single()).isEqualTo(1);
		mvc.perform(get("/admin/work-calendar").with(accounts.as("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2027 年的工作日历尚未导入")));

		String csv = "\uFEFFdate,type,name\n2027-01-01,放假,元旦\n2027-10-01,HOLIDAY,国庆节\n2027-09-26,上班,国庆节调休\n";
		mvc.perform(multipart("/admin/work-calendar/import")
			.file(new MockMultipartFile("file", "2027.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.with(accounts.as("admin")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(calendar.missingYear()).isEmpty();
		assertThat(calendar.year(2027).days()).extracting(CalendarDay::date)
			.containsExactly(LocalDate.parse("2027-01-01"), LocalDate.parse("2027-09-26"), LocalDate.parse("2027-10-01"));
		mvc.perform(get("/admin/work-calendar").param("year", "2027").with(accounts.as("admin")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("2027 年的工作日历尚未导入"))))
			.andExpect(content().string(containsString("国庆节调休")));
	}

	@Test
	void aFileWithABadRowImportsNothingAndSaysWhichRow() throws Exception {
		String csv = "2027-01-01,放假,元旦\n2027-13-01,放假,不存在\n2027-02-01,加班,错类型\n";
		mvc.perform(multipart("/admin/work-calendar/import")
			.file(new MockMultipartFile("file", "bad.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.with(accounts.as("admin")).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("第 2 行")))
			.andExpect(content().string(containsString("第 3 行")));
		assertThat(calendar.year(2027).days()).isEmpty();
		mvc.perform(get("/admin/work-calendar").with(accounts.as("dispatcher"))).andExpect(status().isForbidden());
	}

	@Test
	void editingTheCalendarRecomputesRunningDeadlinesButNotOverdueOnes() {
		StaffPrincipal admin = accounts.principal("admin");
		// one case whose accept limit ran out on Monday, marked overdue
		clock.setTo(at("2026-12-07T09:00"));
		long late = submit();
		clock.setTo(at("2026-12-08T16:00"));
		jdbc.sql("UPDATE case_stage_clock SET overdue_at = ? WHERE case_id = ?")
			.params(java.sql.Timestamp.from(clock.instant()), late).update();
		Instant lateDue = acceptDue(late);
		// one running: Tuesday 16:00 + 120 working minutes → Wednesday 09:00
		long running = submit();
		assertThat(acceptDue(running)).isEqualTo(at("2026-12-09T09:00"));

		CalendarDay holiday = calendar.addDay(LocalDate.parse("2026-12-09"), DayKind.HOLIDAY, "测试假日", null, admin);
		try {
			assertThat(acceptDue(running)).isEqualTo(at("2026-12-10T09:00"));
			assertThat(jdbc.sql("SELECT due_at FROM case_stage_clock WHERE case_id = ? AND stage = 'ACCEPT'")
				.param(running).query(java.time.OffsetDateTime.class).single().toInstant()).isEqualTo(at("2026-12-10T09:00"));
			List<String> notes = jdbc.sql("SELECT note FROM case_history WHERE case_id = ? AND action = 'DEADLINE_RECOMPUTED'")
				.param(running).query(String.class).list();
			assertThat(notes).singleElement().asString().contains("测试假日", "受理期限由 2026-12-09 09:00 改为 2026-12-10 09:00");
			assertThat(acceptDue(late)).isEqualTo(lateDue);
			assertThat(jdbc.sql("SELECT COUNT(*) FROM case_history WHERE case_id = ? AND action = 'DEADLINE_RECOMPUTED'")
				.param(late).query(Integer.class).single()).isZero();
		}
		finally {
			calendar.removeDay(holiday.id(), admin);
		}
		assertThat(acceptDue(running)).as("removing the day puts it back").isEqualTo(at("2026-12-09T09:00"));
		assertThatThrownBy(() -> calendar.addDay(LocalDate.parse("2026-10-01"), DayKind.HOLIDAY, "国庆节", null, admin))
			.isInstanceOf(CalendarRefused.class);
		StaffPrincipal streetAdmin = accounts.principal(accounts.newAccount("caladm", "370471", Role.ADMIN));
		assertThatThrownBy(() -> calendar.addDay(LocalDate.parse("2026-12-11"), DayKind.HOLIDAY, "全国", null, streetAdmin))
			.isInstanceOf(CalendarRefused.class)
			.extracting(ex -> ((CalendarRefused) ex).messageCode())
			.isEqualTo("calendar.day.nationalNeedsWholeScope");
	}

	@Test
	void aLocalDayMovesTheDeadlinesOfItsOwnStreetOnly() {
		clock.setTo(at("2026-12-08T16:00"));
		long here = submit(); // 锦绣园, street 370471002
		long regionId = jdbc.sql("SELECT id FROM region WHERE code = '370471002'").query(Long.class).single();
		String streetAdmin = accounts.newAccount("caladm", "370471002", Role.ADMIN);
		CalendarDay local = calendar.addDay(LocalDate.parse("2026-12-09"), DayKind.HOLIDAY, "街道活动日", regionId,
				accounts.principal(streetAdmin));
		try {
			assertThat(local.regionPath()).isNotEmpty();
			assertThat(acceptDue(here)).isEqualTo(at("2026-12-10T09:00"));
			assertThat(calendar.deadline(at("2026-12-08T16:00"), 2, LimitUnit.WORKING_HOURS, null).dueAt())
				.as("nationwide nothing changed").isEqualTo(at("2026-12-09T09:00"));
			assertThatThrownBy(() -> calendar.addDay(LocalDate.parse("2026-12-11"), DayKind.HOLIDAY, "别处",
					jdbc.sql("SELECT id FROM region WHERE code = '370471001'").query(Long.class).single(),
					accounts.principal(streetAdmin)))
				.isInstanceOf(CalendarRefused.class);
		}
		finally {
			calendar.removeDay(local.id(), accounts.principal(streetAdmin));
		}
		assertThat(acceptDue(here)).isEqualTo(at("2026-12-09T09:00"));
	}

	/** 垃圾分类不规范 (E0106): accept within 120 working minutes. */
	private long submit() {
		long reportId = intake.submitFromResident(ReportSubmission.fromResident(Channel.QR_CODE, "370471002008", "E0106",
				ReportKind.COMPLAINT, "垃圾没有分类", null, null, null, "锦绣园" + System.nanoTime(), null, List.of(), null,
				null)).id();
		return jdbc.sql("SELECT id FROM case_file WHERE report_id = ?").param(reportId).query(Long.class).single();
	}

	private Instant acceptDue(long caseId) {
		return jdbc.sql("SELECT accept_due_at FROM case_file WHERE id = ?").param(caseId)
			.query(java.time.OffsetDateTime.class).single().toInstant();
	}

}
