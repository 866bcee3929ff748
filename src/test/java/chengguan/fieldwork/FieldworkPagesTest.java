package chengguan.fieldwork;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import chengguan.support.IntegrationTest;
import chengguan.support.MutableClock;
import chengguan.support.TestAccounts;
import chengguan.support.TestImages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The field-work pages as the office and the liaisons use them, with their refusals. */
@IntegrationTest
class FieldworkPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	MutableClock clock;

	@AfterEach
	void clean() {
		clock.reset();
		jdbc.sql("DELETE FROM visit_rule_version WHERE source = '页面测试'").update();
		jdbc.sql("DELETE FROM visit_rule WHERE source = '页面测试'").update();
		jdbc.sql("DELETE FROM ledger_submission WHERE ledger_month = '2025-04-01'").update();
	}

	private long region(String code) {
		return jdbc.sql("SELECT id FROM region WHERE code = ?").param(code).query(Long.class).single();
	}

	@Test
	void theHubComplianceAndLogPagesShowTheFigures() throws Exception {
		mvc.perform(get("/fieldwork").with(accounts.as("leader")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("月走访未达标"), containsString("工作台账逾期未报"))));
		mvc.perform(get("/fieldwork/compliance").param("from", "2025-03-01").param("to", "2025-03-31")
			.with(accounts.as("xingren")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("德仁社区"), containsString("张伟"))))
			// a street user sees only its own street's communities
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("锦绣园"))));
		mvc.perform(get("/fieldwork/compliance").param("from", "2025-03-31").param("to", "2025-03-01")
			.with(accounts.as("leader")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("结束日期不能早于开始日期")));
		mvc.perform(get("/fieldwork/logs").param("from", "2024-01-01").param("to", "2025-12-31")
			.with(accounts.as("leader")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("不能超过 400 天")));
	}

	@Test
	void aVisitKeepsItsPhotosReEncodedAndOnlyThoseInScopeSeeThem() throws Exception {
		var form = multipart("/fieldwork/logs")
			.file(new MockMultipartFile("photos", "scene.jpg", "image/jpeg", TestImages.jpegWithExif(640, 480, 6)))
			.param("communityCode", "370471001003").param("date", "2025-06-03").param("start", "09:00")
			.param("end", "11:00").param("items", "PATROL").param("whatWasDone", "照片测试：巡查天安小区周边")
			.with(accounts.as("xingren")).with(csrf());
		mvc.perform(form).andExpect(status().is3xxRedirection());
		var log = jdbc.sql("SELECT id, photo_ids FROM duty_log WHERE what_was_done = '照片测试：巡查天安小区周边'")
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) })
			.single();
		String fileId = (String) log[1];
		assertThat(fileId).doesNotContain(",");
		byte[] stored = mvc.perform(get("/fieldwork/logs/{id}/photos/{file}", log[0], fileId).with(accounts.as("leader")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/jpeg"))
			.andReturn().getResponse().getContentAsByteArray();
		// turned upright (orientation 6 = rotated 90°) and re-encoded without EXIF
		java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(stored));
		assertThat(image.getWidth()).isEqualTo(480);
		assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("Exif");
		mvc.perform(get("/fieldwork/logs/{id}/photos/{file}", log[0], fileId).with(accounts.as("xingcheng")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/fieldwork/logs/{id}/photos/{file}", log[0], "not-this-logs-photo").with(accounts.as("leader")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/fieldwork/logs").param("from", "2025-06-01").param("to", "2025-06-30").with(accounts.as("leader")))
			.andExpect(content().string(containsString("/photos/" + fileId)));

		mvc.perform(multipart("/fieldwork/logs")
			.file(new MockMultipartFile("photos", "notes.txt", "image/jpeg", "这不是照片".getBytes()))
			.param("communityCode", "370471001003").param("date", "2025-06-03").param("start", "09:00")
			.param("end", "11:00").param("items", "PATROL").param("whatWasDone", "照片测试：不是照片的文件")
			.with(accounts.as("xingren")).with(csrf()))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(content().string(containsString("JPEG")));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM duty_log WHERE what_was_done = '照片测试：不是照片的文件'")
			.query(Integer.class).single()).isZero();
		jdbc.sql("DELETE FROM duty_log_participant WHERE log_id = ?").param(log[0]).update();
		jdbc.sql("DELETE FROM duty_log WHERE id = ?").param(log[0]).update();
	}

	@Test
	void leadersSetAStreetRuleWithinReasonAndLiaisonsCannot() throws Exception {
		long xingren = region("370471001");
		mvc.perform(post("/fieldwork/rules/{id}", xingren).param("period", "WEEK").param("minVisits", "1")
			.param("fixedDays", "2").param("source", "页面测试").with(accounts.as("leader")).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("只适用于按月的规则")));
		mvc.perform(post("/fieldwork/rules/{id}", xingren).param("period", "WEEK").param("minVisits", "abc")
			.with(accounts.as("leader")).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("请填写 0 到 31 之间的整数")));
		mvc.perform(post("/fieldwork/rules/{id}", xingren).param("period", "WEEK").param("minVisits", "1")
			.param("minMinutes", "120").param("source", "页面测试").with(accounts.as("xingren")).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/fieldwork/rules/{id}", xingren).param("period", "WEEK").param("minVisits", "1")
			.param("minMinutes", "120").param("source", "页面测试").with(accounts.as("leader")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("SELECT min_minutes_per_visit FROM visit_rule WHERE region_id = ?").param(xingren)
			.query(Integer.class).single()).isEqualTo(120);
		mvc.perform(get("/fieldwork/rules").with(accounts.as("xingren")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("每周不少于1次，每次不少于2小时"), containsString("沿用兴仁街道"))));
	}

	@Test
	void theOfficeSeesTheLedgersDownloadsThePdfAndALiaisonSubmits() throws Exception {
		long unit = accounts.principal("xingren").unitId();
		clock.setTo(OffsetDateTime.parse("2025-05-06T09:00:00+08:00").toInstant());
		mvc.perform(get("/fieldwork/ledgers").param("month", "2025-04").with(accounts.as("dispatcher")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("兴仁中队"), containsString("逾期未报送"))));
		byte[] pdf = mvc.perform(get("/fieldwork/ledger.pdf").param("unitId", Long.toString(unit))
			.param("month", "2025-04").with(accounts.as("dispatcher")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(new String(pdf, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF");
		mvc.perform(post("/fieldwork/ledgers/submit").param("unitId", Long.toString(unit)).param("month", "2025-04")
			.with(accounts.as("xingren")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/fieldwork/ledgers/submit").param("unitId", Long.toString(unit)).param("month", "2025-04")
			.with(accounts.as("xingren")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/fieldwork/ledgers").param("month", "2025-04").with(accounts.as("dispatcher")))
			.andExpect(content().string(containsString("逾期报送")));
		mvc.perform(get("/fieldwork/ledgers/submitted").param("unitId", Long.toString(unit)).param("month", "2025-04")
			.param("format", "XLSX").with(accounts.as("xingcheng")))
			.andExpect(status().isNotFound());
	}

	@Test
	void aCommunityCannotReadTheLedgerOfAUnitAboveItsOwnArea() throws Exception {
		long squadron = accounts.principal("xingren").unitId();
		long enforcement = jdbc.sql("SELECT id FROM org_unit WHERE name = '综合执法科'").query(Long.class).single();
		clock.setTo(OffsetDateTime.parse("2025-05-06T09:00:00+08:00").toInstant());
		mvc.perform(post("/fieldwork/ledgers/submit").param("unitId", Long.toString(squadron)).param("month", "2025-04")
			.with(accounts.as("xingren")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		for (long unit : new long[] { squadron, enforcement }) {
			for (String path : new String[] { "/fieldwork/ledger.xlsx", "/fieldwork/ledger.pdf" }) {
				mvc.perform(get(path).param("unitId", Long.toString(unit)).param("month", "2025-04")
					.with(accounts.as("deren")))
					.andExpect(status().isNotFound());
			}
			mvc.perform(get("/fieldwork/ledgers/submitted").param("unitId", Long.toString(unit))
				.param("month", "2025-04").param("format", "PDF").with(accounts.as("deren")))
				.andExpect(status().isNotFound());
		}
		// a street reads its own squadron's ledger, but not the district's 科室 that also visits other streets
		mvc.perform(get("/fieldwork/ledger.xlsx").param("unitId", Long.toString(squadron)).param("month", "2025-04")
			.with(accounts.as("xingren")))
			.andExpect(status().isOk());
		mvc.perform(get("/fieldwork/ledger.xlsx").param("unitId", Long.toString(enforcement)).param("month", "2025-04")
			.with(accounts.as("xingren")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/fieldwork/ledger.pdf").param("unitId", Long.toString(enforcement)).param("month", "2025-04")
			.with(accounts.as("leader")))
			.andExpect(status().isOk());
	}

}
