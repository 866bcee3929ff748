package chengguan.fieldwork;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import chengguan.fieldwork.DutyLogEntry.Participant;
import chengguan.platform.security.DataScope;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.web.InvalidRequestException;
import chengguan.support.IntegrationTest;
import chengguan.support.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Duty logs: check-in distance, finding → case, the month's ledger from the logs, compliance by rule. */
@IntegrationTest
class DutyLogsTest {

	@Autowired
	DutyLogs logs;

	@Autowired
	VisitRules rules;

	@Autowired
	VisitComplianceReport report;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	MockMvc mvc;

	@BeforeEach
	@AfterEach
	void clean() {
		jdbc.sql("DELETE FROM visit_rule_version").update();
		jdbc.sql("DELETE FROM visit_rule").update();
	}

	/** One person's visits to one community, from the compliance report the office sees. */
	private java.util.Optional<VisitCompliance.Result> compliance(long staffId, long communityId, String from, String to) {
		return report.report(DataScope.EVERYWHERE, LocalDate.parse(from), LocalDate.parse(to))
			.stream()
			.filter(row -> row.duty().staffId() == staffId && row.duty().communityId() == communityId)
			.findFirst()
			.flatMap(VisitComplianceReport.Row::result);
	}

	private long staff(String phone) {
		return jdbc.sql("SELECT id FROM staff WHERE phone = ?").param(phone).query(Long.class).single();
	}

	private RegionPosition position(String code) {
		return jdbc.sql("SELECT id, latitude, longitude FROM region WHERE code = ?").param(code)
			.query((rs, n) -> new RegionPosition(rs.getLong(1), rs.getBigDecimal(2), rs.getBigDecimal(3))).single();
	}

	record RegionPosition(long id, BigDecimal latitude, BigDecimal longitude) {
	}

	private DutyLogEntry visit(String community, String date, LocalTime start, LocalTime end, BigDecimal lat,
			BigDecimal lng, String findings, String findingCategory) {
		return new DutyLogEntry(community, LocalDate.parse(date), start, end, Set.of(WorkItem.PATROL, WorkItem.LAW_PUBLICITY),
				"巡查背街小巷，发放普法宣传册 30 份", findings, findingCategory,
				List.of(new Participant(Participant.Role.STAFF, staff("13800003001"), null, null),
						new Participant(Participant.Role.COMMUNITY_CONTACT, null, "孙丽华", "13800002001")),
				lat, lng, 20);
	}

	@Test
	void aFarCheckInIsFlaggedNotRefusedAndAFindingBecomesACase() {
		StaffPrincipal liaison = accounts.principal("xingren");
		RegionPosition deren = position("370471001001");
		DutyLogs.Recorded near = logs.record(visit("370471001001", "2026-11-10", LocalTime.of(9, 0), LocalTime.of(11, 0),
				deren.latitude(), deren.longitude(), null, null), liaison);
		assertThat(near.checkinDistanceMeters()).isZero();
		assertThat(near.farFromCommunity()).isFalse();

		DutyLogs.Recorded far = logs.record(visit("370471001001", "2026-11-11", LocalTime.of(9, 0), LocalTime.of(10, 0),
				deren.latitude().add(new BigDecimal("0.05")), deren.longitude(), "德仁路有店外经营，占用盲道", "E050102"),
				liaison);
		assertThat(far.farFromCommunity()).isTrue();
		assertThat(far.checkinDistanceMeters()).isBetween(5400, 5700);
		assertThat(far.findingReportId()).isNotNull();
		assertThat(jdbc.sql("SELECT channel FROM report WHERE id = ?").param(far.findingReportId()).query(String.class)
			.single()).isEqualTo("PATROL");
		assertThat(jdbc.sql("SELECT state FROM case_file WHERE report_id = ?").param(far.findingReportId())
			.query(String.class).single()).isEqualTo("PENDING");
	}

	@Test
	void badEntriesAreRefusedWithAReason() {
		StaffPrincipal liaison = accounts.principal("xingren");
		assertThatThrownBy(() -> logs.record(visit("370471001001", "2026-11-10", LocalTime.of(11, 0), LocalTime.of(9, 0),
				null, null, null, null), liaison)).hasFieldOrPropertyWithValue("messageCode", "dutylog.time.endBeforeStart");
		assertThatThrownBy(() -> logs.record(visit("370471001001", "2099-01-01", LocalTime.of(9, 0), LocalTime.of(10, 0),
				null, null, null, null), liaison)).hasFieldOrPropertyWithValue("messageCode", "dutylog.time.future");
		assertThatThrownBy(() -> logs.record(visit("370471001001", "2026-11-10", LocalTime.of(9, 0), LocalTime.of(10, 0),
				null, null, null, "E050102"), liaison)).hasFieldOrPropertyWithValue("messageCode", "dutylog.finding.required");
		assertThatThrownBy(() -> logs.record(visit("370471002007", "2026-11-10", LocalTime.of(9, 0), LocalTime.of(10, 0),
				null, null, null, null), liaison)).isInstanceOf(chengguan.platform.security.OutOfScopeException.class);
		assertThatThrownBy(() -> logs.record(visit("nope", "2026-11-10", LocalTime.of(9, 0), LocalTime.of(10, 0), null,
				null, null, null), liaison)).isInstanceOf(InvalidRequestException.class);
	}

	@Test
	void theMonthsLedgerComesFromTheLogsInTimeOrderAndComplianceFollowsTheRule() throws Exception {
		StaffPrincipal liaison = accounts.principal("xingren");
		logs.record(visit("370471001002", "2025-10-21", LocalTime.of(14, 0), LocalTime.of(15, 0), null, null, null, null),
				liaison);
		logs.record(visit("370471001001", "2025-10-07", LocalTime.of(9, 0), LocalTime.of(11, 30), null, null, null, null),
				liaison);
		long unit = liaison.unitId();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int written = LedgerWorkbook.write(new LedgerWorkbook.Header("兴仁中队", LocalDate.parse("2026-11-01"), "张伟",
				"13800003001", YearMonth.of(2025, 10)), logs.ledgerEntries(unit, YearMonth.of(2025, 10)), out);
		assertThat(written).isEqualTo(2);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			var sheet = workbook.getSheetAt(0);
			List<String> times = new java.util.ArrayList<>();
			for (int row = 3; row < 3 + written; row++) {
				times.add(sheet.getRow(row).getCell(1).getStringCellValue());
			}
			assertThat(times).containsExactly("2025年10月7日 09:00–11:30", "2025年10月21日 14:00–15:00");
			int deren = times.indexOf("2025年10月7日 09:00–11:30");
			assertThat(deren).isNotNegative();
			assertThat(sheet.getRow(3 + deren).getCell(2).getStringCellValue()).isEqualTo("德仁社区");
			assertThat(sheet.getRow(3 + deren).getCell(3).getStringCellValue())
				.isEqualTo("社区巡查、普法宣传：巡查背街小巷，发放普法宣传册 30 份");
			assertThat(sheet.getRow(3 + deren).getCell(4).getStringCellValue()).isEqualTo("张伟 13800003001");
			assertThat(sheet.getRow(3 + deren).getCell(5).getStringCellValue()).isEqualTo("孙丽华 13800002001");
		}

		long derenId = position("370471001001").id();
		long city = position("370400").id();
		rules.setUnchecked(new VisitRule(city, VisitPeriod.MONTH, 1, 0, 0, "枣庄：每月至少一次"));
		assertThat(compliance(staff("13800003001"), derenId, "2025-10-01", "2025-10-31")).get().extracting(VisitCompliance.Result::met).isEqualTo(true);
		rules.setUnchecked(new VisitRule(position("370471001").id(), VisitPeriod.WEEK, 1, 120, 0, "每周一次，每次2小时"));
		VisitCompliance.Result weekly = compliance(staff("13800003001"), derenId, "2025-10-06",
				"2025-10-19").orElseThrow();
		assertThat(weekly.periods()).extracting(VisitCompliance.Period::met).containsExactly(true, false);
	}


	@Test
	void theOfficeDownloadsAUnitsLedgerAndAnotherStreetCannot() throws Exception {
		long unit = jdbc.sql("SELECT id FROM org_unit WHERE name = '兴仁中队'").query(Long.class).single();
		byte[] xlsx = mvc.perform(get("/fieldwork/ledger.xlsx")
			.param("unitId", Long.toString(unit)).param("month", "2026-09").with(accounts.as("dispatcher")))
			.andExpect(status().isOk())
			.andExpect(header()
				.string("Content-Disposition", containsString(".xlsx")))
			.andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo(LedgerWorkbook.TITLE);
			assertThat(workbook.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).startsWith("填表单位：兴仁中队");
		}
		mvc.perform(get("/fieldwork/ledger.xlsx")
			.param("unitId", Long.toString(unit)).param("month", "2026-09").with(accounts.as("xingcheng")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/fieldwork/ledger.xlsx")
			.param("unitId", Long.toString(unit)).param("month", "九月").with(accounts.as("dispatcher")))
			.andExpect(status().isBadRequest());
	}


	@Test
	void colleaguesFromTheSameUnitCanBeNamedOthersCannot() throws Exception {
		long unit = accounts.principal("xingren").unitId();
		jdbc.sql("INSERT INTO staff (name, unit_id, position_title, phone) VALUES ('同行队员', ?, '队员', '13800007701')")
			.param(unit).update();
		long colleague = staff("13800007701");
		long stranger = staff("13800003002");
		mvc.perform(get("/fieldwork/logs/new").with(accounts.as("xingren")))
			.andExpect(content().string(containsString("同行队员")));
		mvc.perform(post("/fieldwork/logs").param("communityCode", "370471001001").param("date", "2025-06-04")
			.param("start", "09:00").param("end", "11:00").param("items", "PATROL")
			.param("whatWasDone", "同行测试：两人一起巡查").param("companionIds", Long.toString(colleague))
			.with(accounts.as("xingren")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("SELECT p.name FROM duty_log_participant p JOIN duty_log l ON l.id = p.log_id"
				+ " WHERE l.what_was_done = '同行测试：两人一起巡查' ORDER BY p.position").query(String.class).list())
			.containsExactly("张伟", "同行队员");
		mvc.perform(post("/fieldwork/logs").param("communityCode", "370471001001").param("date", "2025-06-04")
			.param("start", "09:00").param("end", "11:00").param("items", "PATROL")
			.param("whatWasDone", "同行测试：别的单位的人").param("companionIds", Long.toString(stranger))
			.with(accounts.as("xingren")).with(csrf()))
			.andExpect(status().isBadRequest());
		jdbc.sql("DELETE FROM duty_log_participant WHERE log_id IN (SELECT id FROM duty_log WHERE what_was_done LIKE '同行测试%')").update();
		jdbc.sql("DELETE FROM duty_log WHERE what_was_done LIKE '同行测试%'").update();
		jdbc.sql("DELETE FROM staff WHERE id = ?").param(colleague).update();
	}

	@Test
	void aLiaisonRecordsAVisitOnTheFormAndAFarCheckInIsPointedOut() throws Exception {
		var post = post("/fieldwork/logs")
			.param("communityCode", "370471001001").param("date", "2026-11-12").param("start", "09:00")
			.param("end", "11:00").param("items", "PATROL", "OPINION_COLLECTION")
			.param("whatWasDone", "走访居民收集对垃圾分类的意见").param("contactName", "孙丽华").param("contactPhone", "13800002001")
			.param("latitude", "35.500000").param("longitude", "117.300000").param("accuracy", "30")
			.with(accounts.as("xingren"))
			.with(csrf());
		mvc.perform(post)
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("notice", "dutyLogFar"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM duty_log_participant p JOIN duty_log l ON l.id = p.log_id "
				+ "WHERE l.what_was_done = '走访居民收集对垃圾分类的意见' AND p.name IN ('张伟', '孙丽华')").query(Integer.class).single())
			.isEqualTo(2);
		mvc.perform(post("/fieldwork/logs")
			.param("communityCode", "370471001001").param("date", "2026-11-12").param("start", "11:00")
			.param("end", "09:00").param("items", "PATROL").param("whatWasDone", "时间填反了的日志")
			.with(accounts.as("xingren"))
			.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content()
				.string(containsString("结束时间须晚于开始时间")));
		mvc.perform(get("/fieldwork/logs/new")
			.with(accounts.as("xingren")))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(containsString("物业监督")));
	}

}
