package chengguan.assessment;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import chengguan.cases.CaseAction;
import chengguan.cases.CaseService;
import chengguan.cases.CaseView;
import chengguan.intake.Channel;
import chengguan.intake.IntakeService;
import chengguan.intake.Rating;
import chengguan.intake.ReportKind;
import chengguan.intake.ReportSubmission;
import chengguan.organization.RegionDetails;
import chengguan.organization.RegionLevel;
import chengguan.organization.RegionService;
import chengguan.organization.RegionView;
import chengguan.platform.security.Role;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.web.InvalidRequestException;
import chengguan.support.OwnRegionsTest;
import chengguan.support.MutableClock;
import chengguan.support.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The health report of a hand-built March 2025, read back from the PDF's text:
 *
 * <pre>
 * community 甲 (category 暴露垃圾 throughout)
 *   1 扫码  03-03 09:00 幸福路12号   (34.800120, 117.300340) closed, rated 满意
 *   2 扫码  03-04 10:00 幸福路 12 号 (34.800550, 117.300710) never accepted: overdue since 11:00
 *   3 12345 03-20 15:00 和平街3号    (34.803100, 117.305200) closed, not rated
 *   4 接访  03-25 10:00 建议 (no address, no position) declined
 * community 乙: 5 扫码 03-10 09:00 closed, rated 满意
 *
 * 甲: received 4, counted 3, closed 2 → 办结率 66.7 %; 满意率 1/1 = 100.0 %; open 1, overdue now 1
 *     diversion: local 1 2 4 vs 12345 3 → 75.0 %
 * street: received 5, counted 4, closed 3 → 75.0 %; 满意率 100.0 %; diversion 4 of 5 → 80.0 %
 * weaker than the street: 办结率 and 诉求就地受理占比 (the same handling times everywhere, so nothing else)
 * hot addresses: 幸福路12号 2 (spaces ignored), 和平街3号 1; 100 m cells: 34.800/117.300 2, 34.803/117.305 1
 * </pre>
 */
class HealthReportTest extends OwnRegionsTest {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final YearMonth MARCH = YearMonth.of(2025, 3);

	@Autowired
	HealthReports reports;

	@Autowired
	Rollups rollups;

	@Autowired
	IntakeService intake;

	@Autowired
	CaseService cases;

	@Autowired
	RegionService regions;

	@Autowired
	TestAccounts accounts;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	private RegionView street;

	private RegionView jia;

	private RegionView yi;

	@BeforeEach
	void aStreetOfItsOwn() {
		RegionView district = regions.findByCode("370471").orElseThrow();
		String code = "7" + System.nanoTime() % 100_000_000;
		street = regions.createChildUnchecked(district, RegionLevel.STREET,
				new RegionDetails(code, "体检测试街道" + code, null, null, null, null, null, 99));
		jia = regions.createChildUnchecked(street, RegionLevel.COMMUNITY,
				new RegionDetails(code + "001", "体检社区甲", null, null, null, null, null, 1));
		yi = regions.createChildUnchecked(street, RegionLevel.COMMUNITY,
				new RegionDetails(code + "002", "体检社区乙", null, null, null, null, null, 2));
	}

	@AfterEach
	void backToNow() {
		clock.reset();
	}

	@Test
	void theReportOfAHandBuiltMonthShowsItsFiguresHotSpotsAndWeakKpis() throws Exception {
		StaffPrincipal dispatcher = accounts.principal("dispatcher");
		StaffPrincipal handler = accounts.principal("handler");
		CaseView one = report(jia, Channel.QR_CODE, ReportKind.COMPLAINT, at(3, 3, 9), "幸福路12号", "34.800120", "117.300340");
		closeAndRate(one, at(3, 3, 9), Rating.SATISFIED, dispatcher, handler);
		report(jia, Channel.QR_CODE, ReportKind.COMPLAINT, at(3, 4, 10), "幸福路 12 号", "34.800550", "117.300710");
		CaseView three = report(jia, Channel.HOTLINE_12345, ReportKind.COMPLAINT, at(3, 20, 15), "和平街3号", "34.803100",
				"117.305200");
		closeAndRate(three, at(3, 20, 15), null, dispatcher, handler);
		CaseView four = report(jia, Channel.WALK_IN, ReportKind.SUGGESTION, at(3, 25, 10), null, null, null);
		move(at(3, 25, 10).plusMinutes(5));
		cases.act(four.id(), CaseAction.DECLINE, cases.get(four.id(), dispatcher).version(), "建议已转交", null, dispatcher);
		CaseView five = report(yi, Channel.QR_CODE, ReportKind.COMPLAINT, at(3, 10, 9), "光明路1号", null, null);
		closeAndRate(five, at(3, 10, 9), Rating.SATISFIED, dispatcher, handler);
		// a need residents raised on the community's page in March (the engagement module answers for the section)
		jdbc.sql("""
				INSERT INTO need (community_id, region_path, kind, source, content, status, received_at, updated_at)
				VALUES (?, ?, 'NEED', 'QR_CODE', '希望小区门口增设非机动车充电棚', 'PENDING', ?, ?)""")
			.params(jia.id(), jia.path(), at(3, 12, 10).toOffsetDateTime(), at(3, 12, 10).toOffsetDateTime())
			.update();
		move(ZonedDateTime.of(2025, 4, 5, 8, 0, 0, 0, SHANGHAI));
		rollups.refresh();

		HealthReport built = reports.build(jia, MARCH);
		assertThat(built.figures().received()).isEqualTo(4);
		assertThat(built.openThisMonth()).isEqualTo(1);
		assertThat(built.overdueNow()).isEqualTo(1);
		assertThat(built.weakKpis()).extracting(HealthReport.KpiLine::kpi)
			.containsExactly(Kpi.CLOSURE_RATE, Kpi.HOTLINE_DIVERSION);
		assertThat(built.hotAddresses()).containsExactly(new HealthReport.Count("幸福路12号", 2),
				new HealthReport.Count("和平街3号", 1));
		assertThat(built.trend()).hasSize(12);
		assertThat(built.trend().get(11)).isEqualTo(new HealthReport.Trend(MARCH, 4, 100.0 * 2 / 3));

		String text = text(reports.pdf(jia, MARCH));
		assertThat(text).contains("体检社区甲 城市管理体检报告")
			.contains("2025 年 3 月 · 社区 · 对比：" + street.name())
			.contains("本月收件量 4 件（计入考核 3 件），已办结 2 件，办结率 66.7 %，满意率 100.0 %")
			.contains("本月案件未办结 1 件；当前超期未办结 1 件")
			.contains("有 2 项指标弱于" + street.name() + "平均水平")
			.contains("暴露垃圾")
			.contains("幸福路12号")
			.contains("34.800°N 117.300°E（幸福路12号） 2 件")
			.contains("34.803°N 117.305°E（和平街3号） 1 件")
			.contains("和平街3号")
			.contains("75.0 %")
			.contains("80.0 %")
			.contains("偏弱")
			.contains("本月居民建议 1 件")
			.contains("· 【需求·待研判】希望小区门口增设非机动车充电棚");
		assertThat(count(text, "偏弱")).isEqualTo(2);

		// the street compares with its district and holds both communities' cases
		String streetText = text(reports.pdf(street, MARCH));
		assertThat(streetText).contains("本月收件量 5 件（计入考核 4 件），已办结 3 件，办结率 75.0 %");

		// on demand through the page, in scope only; this month is not over
		String leader = accounts.newAccount("health-leader", street.code(), Role.LEADER);
		mvc.perform(get("/assessment/health-reports/pdf").param("regionId", Long.toString(jia.id()))
			.param("month", "2025-03").with(accounts.as(leader)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"));
		mvc.perform(get("/assessment/health-reports/pdf").param("regionId", Long.toString(jia.id()))
			.param("month", "2025-04").with(accounts.as(leader)))
			.andExpect(status().isBadRequest());
		long otherStreet = regions.findByCode("370471002").orElseThrow().id();
		mvc.perform(get("/assessment/health-reports/pdf").param("regionId", Long.toString(otherStreet))
			.param("month", "2025-03").with(accounts.as(leader)))
			.andExpect(status().isNotFound());
		assertThatThrownBy(() -> reports.requireReportable(regions.findByCode("370471").orElseThrow(), MARCH))
			.isInstanceOf(InvalidRequestException.class);

		// the monthly job keeps last month's report of every street and community once
		jdbc.sql("DELETE FROM health_report WHERE report_month = ?").param(MARCH.atDay(1)).update();
		int made = reports.generateMonthly();
		assertThat(made).isGreaterThanOrEqualTo(3);
		assertThat(reports.generateMonthly()).isZero();
		List<HealthReports.Stored> kept = reports.stored(leader(leader), 50);
		assertThat(kept).extracting(HealthReports.Stored::regionName)
			.containsExactlyInAnyOrder(street.name(), "体检社区甲", "体检社区乙");
		HealthReports.Stored jiaKept = kept.stream().filter(s -> s.regionId() == jia.id()).findFirst().orElseThrow();
		assertThat(text(reports.storedFile(jiaKept.id(), leader(leader)).orElseThrow().content()))
			.contains("体检社区甲 城市管理体检报告");
		mvc.perform(get("/assessment/health-reports").with(accounts.as(leader)))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("/assessment/health-reports/" + jiaKept.id() + "/file")));
	}

	private chengguan.platform.security.DataScope leader(String username) {
		return accounts.principal(username).scope();
	}

	private static int count(String text, String word) {
		return text.split(word, -1).length - 1;
	}

	private static String text(byte[] pdf) throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

	private CaseView report(RegionView community, Channel channel, ReportKind kind, ZonedDateTime receivedAt,
			String address, String latitude, String longitude) {
		move(receivedAt);
		long reportId = intake.importWorkOrder(new ReportSubmission(channel, community.code(), "E0101", kind,
				kind == ReportKind.SUGGESTION ? "建议在幸福路增设垃圾分类投放点" : "小区门口垃圾堆放无人清理，气味很大",
				latitude == null ? null : new BigDecimal(latitude), longitude == null ? null : new BigDecimal(longitude),
				latitude == null ? null : 10, address, null, null, List.of(), null, null, null, receivedAt.toInstant()),
				"test").id();
		return cases.forReport(reportId, TestAccounts.EVERYWHERE).orElseThrow();
	}

	private void closeAndRate(CaseView c, ZonedDateTime received, Rating rating, StaffPrincipal dispatcher,
			StaffPrincipal handler) {
		long unit = jdbc.sql("SELECT id FROM org_unit WHERE name = '市政管理科'").query(Long.class).single();
		move(received.plusMinutes(10));
		c = cases.act(c.id(), CaseAction.ACCEPT, cases.get(c.id(), dispatcher).version(), null, null, dispatcher);
		move(received.plusMinutes(20));
		c = cases.act(c.id(), CaseAction.REGISTER, c.version(), null, null, dispatcher);
		move(received.plusMinutes(30));
		c = cases.act(c.id(), CaseAction.DISPATCH, c.version(), null, unit, dispatcher);
		c = cases.act(c.id(), CaseAction.START, cases.get(c.id(), handler).version(), null, null, handler);
		move(received.plusMinutes(150));
		c = cases.act(c.id(), CaseAction.FEEDBACK_DONE, c.version(), "已清运", null, handler);
		move(received.plusMinutes(180));
		c = cases.act(c.id(), CaseAction.VERIFY_PASS, cases.get(c.id(), dispatcher).version(), null, null, dispatcher);
		if (rating != null) {
			intake.rate(c.trackingCode(), rating, null);
		}
	}

	private static ZonedDateTime at(int month, int day, int hour) {
		return ZonedDateTime.of(2025, month, day, hour, 0, 0, 0, SHANGHAI);
	}

	private void move(ZonedDateTime time) {
		clock.advance(Duration.between(clock.instant(), time.toInstant()));
	}

}
