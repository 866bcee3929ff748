package chengguan.intake;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import chengguan.support.IntegrationTest;
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

/** Staff see every channel in one list, within their scope; likely duplicates are flagged and can be merged. */
@IntegrationTest
class DuplicatesAndStaffIntakeTest {

	/** 兴城花园社区 of 兴城街道: the other street from the xingren account's. */
	static final String XINGCHENG_GARDEN = "370471002007";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IntakeService intake;

	@Autowired
	TestAccounts accounts;

	/** A reportable leaf only this test class reports against, so other tests' reports never look like duplicates. */
	static final String CATEGORY = "E0304";

	@Test
	void aReportNearAnOpenOneOfTheSameCategoryIsFlaggedAndCanBeMerged() throws Exception {
		SubmittedReport first = resident("34.800000", "117.300000", "13900000101");
		SubmittedReport near = resident("34.800200", "117.300100", "13900000102"); // about 24 m away
		SubmittedReport far = resident("34.805000", "117.300000", "13900000103"); // about 556 m away
		assertThat(first.duplicateCandidates()).isZero();
		assertThat(near.duplicateCandidates()).isEqualTo(1);
		assertThat(far.duplicateCandidates()).isZero();

		mvc.perform(get("/intake/reports/" + near.id()).with(accounts.as("dispatcher")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("疑似重复")))
			.andExpect(content().string(containsString(first.trackingCode())))
			.andExpect(content().string(containsString("相距约 24 米")));

		mvc.perform(post("/intake/reports/" + near.id() + "/merge").param("into", Long.toString(first.id()))
			.with(accounts.as("leader")).with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post("/intake/reports/" + near.id() + "/merge").param("into", Long.toString(first.id()))
			.with(accounts.as("dispatcher")).with(csrf())).andExpect(status().is3xxRedirection());

		assertThat(intake.reporterPhones(first.id())).containsExactlyInAnyOrder("13900000101", "13900000102");

		// the primary moves on: the merged reporter's status page shows it
		intake.recordProgress(first.id(), ReportEventType.CLOSED, ReportStatus.CLOSED, "垃圾已清运", "handler");
		mvc.perform(get("/t/" + near.trackingCode()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已合并办理")))
			.andExpect(content().string(containsString(first.trackingCode())))
			.andExpect(content().string(containsString("问题已办结")))
			.andExpect(content().string(containsString("垃圾已清运")))
			.andExpect(content().string(containsString("您对处理结果满意吗")));

		// and both reporters may rate, once each
		mvc.perform(post("/t/" + near.trackingCode() + "/rating").param("rating", "DISSATISFIED")
			.param("comment", "还有残留").with(csrf())).andExpect(status().is3xxRedirection());
		mvc.perform(post("/t/" + near.trackingCode() + "/rating").param("rating", "SATISFIED").with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("已经评价过")));
		assertThat(jdbc.sql("SELECT rating FROM report WHERE id = ?").param(near.id()).query(String.class).single())
			.isEqualTo("DISSATISFIED");

		// merging again is refused: the duplicate is no longer pending
		mvc.perform(post("/intake/reports/" + near.id() + "/merge").param("into", Long.toString(far.id()))
			.with(accounts.as("dispatcher")).with(csrf())).andExpect(status().isConflict());
	}

	@Test
	void theDemoWeekHasReportsFromEveryChannelAndALikelyDuplicate() {
		assertThat(jdbc.sql("SELECT DISTINCT channel FROM report WHERE received_by = 'demo' OR channel IN ('QR_CODE', 'API')")
			.query(String.class).list())
			.containsAll(java.util.Arrays.stream(Channel.values()).map(Enum::name).toList());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM report_duplicate d JOIN report r ON r.id = d.report_id "
				+ "WHERE r.description LIKE '北门口垃圾%'").query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void anOpenReportCannotBeRated() throws Exception {
		SubmittedReport open = resident("34.900000", "117.100000", null);
		mvc.perform(post("/t/" + open.trackingCode() + "/rating").param("rating", "SATISFIED").with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("办结后才能评价")));
	}

	@Test
	void staffRecordAWalkInReportAndTheListShowsEveryChannel() throws Exception {
		String location = mvc.perform(multipart("/intake/reports/new")
			.file(new MockMultipartFile("photos", "scene.png", "image/png", TestImages.png(30, 20)))
			.param("channel", "WALK_IN")
			.param("regionCode", ResidentReportingTest.DEREN)
			.param("kind", "HELP")
			.param("categoryCode", CATEGORY)
			.param("description", "居民到社区工作室反映：楼道堆放杂物")
			.param("reporterName", "王阿姨")
			.param("phone", "13900000999")
			.param("idempotencyKey", UUID.randomUUID().toString())
			.with(accounts.as("xingren")).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		assertThat(jdbc.sql("SELECT channel || '/' || received_by FROM report WHERE id = ?").param(id)
			.query(String.class).single()).isEqualTo("WALK_IN/xingren");

		mvc.perform(get("/intake/reports").param("channel", "WALK_IN").with(accounts.as("xingren")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("居民到社区工作室反映：楼道堆放杂物")));
		mvc.perform(get("/intake/reports/" + id + "/photos/0").with(accounts.as("xingren")))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/jpeg"));
	}

	@Test
	void anotherStreetCannotReadOrRecordForThisStreet() throws Exception {
		SubmittedReport report = resident("34.700000", "117.200000", "13900000555");
		mvc.perform(get("/intake/reports/" + report.id()).with(accounts.as("xingcheng")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/intake/reports/" + report.id() + "/photos/0").with(accounts.as("xingcheng")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/intake/reports").with(accounts.as("xingcheng")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(report.trackingCode()))));
		mvc.perform(multipart("/intake/reports/new")
			.param("channel", "PHONE").param("regionCode", ResidentReportingTest.DEREN).param("kind", "COMPLAINT")
			.param("categoryCode", CATEGORY).param("description", "越权登记别的街道的诉求")
			.with(accounts.as("xingcheng")).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(multipart("/intake/reports/new")
			.param("channel", "PHONE").param("regionCode", XINGCHENG_GARDEN).param("kind", "COMPLAINT")
			.param("categoryCode", CATEGORY).param("description", "本街道的电话诉求")
			.with(accounts.as("xingcheng")).with(csrf()))
			.andExpect(status().is3xxRedirection());
	}

	@Test
	void theReportersPhoneIsMaskedForRolesThatDoNotNeedIt() throws Exception {
		SubmittedReport report = resident("34.600000", "117.250000", "13800138000");
		mvc.perform(get("/intake/reports/" + report.id()).with(accounts.as("leader")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("138****8000")))
			.andExpect(content().string(not(containsString("13800138000"))));
		mvc.perform(get("/intake/reports/" + report.id()).with(accounts.as("dispatcher")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("13800138000")));
		mvc.perform(get("/t/" + report.trackingCode()))
			.andExpect(content().string(not(containsString("8000"))));
	}

	@Test
	void aStaffOnlyChannelCannotBeUsedByResidentsNorAResidentChannelByStaff() throws Exception {
		mvc.perform(multipart("/intake/reports/new")
			.param("channel", "QR_CODE").param("regionCode", ResidentReportingTest.DEREN).param("kind", "COMPLAINT")
			.param("categoryCode", CATEGORY).param("description", "冒充扫码渠道登记")
			.with(accounts.as("dispatcher")).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("该渠道不能由工作人员手工登记")));
	}

	private SubmittedReport resident(String latitude, String longitude, String phone) {
		return intake.submitFromResident(ReportSubmission.fromResident(Channel.QR_CODE, ResidentReportingTest.DEREN,
				CATEGORY, ReportKind.COMPLAINT, "门口有一堆建筑垃圾没人清理", new java.math.BigDecimal(latitude),
				new java.math.BigDecimal(longitude), 10, null, phone, java.util.List.of(), null,
				"10.9." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250)));
	}

}
