package chengguan.intake;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import chengguan.platform.security.Role;
import chengguan.support.IntegrationTest;
import chengguan.support.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 12345 work orders: a preview that names every bad row, an import in the background, and no duplicates on re-import. */
@IntegrationTest
class HotlineImportTest {

	static final List<String> HEADERS = List.of("工单编号", "受理时间", "来电人", "来电号码", "所属社区", "诉求分类",
			"诉求类型", "诉求内容", "事发地址");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	HotlineImportService imports;

	private final String prefix = "ZZ" + System.nanoTime() % 1_000_000_000L + "-";

	@Test
	void previewListsRowErrorsTheImportAddsTheRestAndAReImportAddsNothing() throws Exception {
		byte[] xlsx = workbook();
		long batch = upload(xlsx, "11月工单.xlsx");

		mvc.perform(get("/intake/imports/" + batch).with(accounts.as("dispatcher")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("共 <strong>8</strong> 行")))
			.andExpect(content().string(containsString("<strong class=\"text-success\" id=\"preview-new\">3</strong>")))
			.andExpect(content().string(containsString("分类「外星人入侵」没有对应的问题分类")))
			.andExpect(content().string(containsString("社区「火星社区」不存在或不在您的管辖范围内")))
			.andExpect(content().string(containsString("至少 5 个字")))
			.andExpect(content().string(containsString("受理时间「昨天下午」无法识别")))
			.andExpect(content().string(containsString("在文件中重复出现")));
		assertThat(reportsImported()).isZero();

		mvc.perform(post("/intake/imports/" + batch + "/start").with(accounts.as("dispatcher")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		ImportBatchView done = awaitFinished(batch);
		assertThat(done.status()).isEqualTo(ImportBatchStatus.DONE);
		assertThat(done.importedRows()).isEqualTo(3);
		assertThat(done.failedRows()).isEqualTo(5);
		assertThat(reportsImported()).isEqualTo(3);

		record Imported(String channel, String kind, String community, String receivedAt) {
		}
		Imported first = jdbc.sql("""
				SELECT channel, kind, community_id, received_at FROM report WHERE external_id = ?""")
			.param(prefix + "001")
			.query((rs, n) -> new Imported(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, java.time.OffsetDateTime.class).toInstant().toString()))
			.single();
		assertThat(first.channel()).isEqualTo("HOTLINE_12345");
		assertThat(first.kind()).isEqualTo("TIP_OFF");
		// 09:15 in Asia/Shanghai
		assertThat(first.receivedAt()).isEqualTo("2026-11-20T01:15:00Z");
		Imported excelDate = jdbc.sql("SELECT channel, kind, community_id, received_at FROM report WHERE external_id = ?")
			.param(prefix + "008")
			.query((rs, n) -> new Imported(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, java.time.OffsetDateTime.class).toInstant().toString()))
			.single();
		assertThat(excelDate.receivedAt()).isEqualTo("2026-11-21T06:30:00Z");

		long again = upload(xlsx, "11月工单（重复上传）.xlsx");
		ImportBatchView preview = imports.batch(again, accountPrincipal("dispatcher"));
		assertThat(preview.skippedRows()).isEqualTo(3);
		assertThat(preview.newRows()).isZero();
	}

	@Test
	void aGbkCsvAsExcelSavesItIsReadAndOnlyNewOrdersAreAdded() throws Exception {
		String csv = String.join(",", HEADERS) + "\r\n"
				+ prefix + "101,2026-11-22 08:00,李先生,13900002222,德仁社区,占道经营,投诉,早市摊贩占用人行道影响通行,德仁路口\r\n"
				+ prefix + "102,2026/11/22 8:30,,,\"兴仁街道德仁社区\",路灯不亮,求助,\"小区路灯不亮，晚上太黑，\"\"很危险\"\"\",德仁花园\r\n";
		byte[] gbk = csv.getBytes(Charset.forName("GB18030"));
		long batch = upload(gbk, "工单.csv");
		ImportBatchView preview = imports.batch(batch, accountPrincipal("dispatcher"));
		assertThat(preview.totalRows()).isEqualTo(2);
		assertThat(preview.newRows()).isEqualTo(1);
		assertThat(imports.errors(batch, accountPrincipal("dispatcher")))
			.singleElement()
			.satisfies(error -> {
				assertThat(error.line()).isEqualTo(3);
				assertThat(error.message()).contains("兴仁街道德仁社区");
			});
	}

	@Test
	void aFileThatIsNotASpreadsheetOrLacksColumnsIsRefused() throws Exception {
		byte[] exe = new byte[512];
		exe[0] = 'M';
		exe[1] = 'Z';
		mvc.perform(multipart("/intake/imports").file(new MockMultipartFile("file", "工单.xlsx", "application/octet-stream", exe))
			.param("profileId", Long.toString(profileId())).with(accounts.as("dispatcher")).with(csrf()))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(content().string(containsString("只能导入 .xlsx 或 .csv 文件")));
		byte[] wrongColumns = "编号,内容\r\n1,路灯不亮了\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		mvc.perform(multipart("/intake/imports").file(new MockMultipartFile("file", "a.csv", "text/csv", wrongColumns))
			.param("profileId", Long.toString(profileId())).with(accounts.as("dispatcher")).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("文件缺少导入方案要求的列：工单编号、所属社区、诉求分类、诉求内容")));
		mvc.perform(get("/intake/imports").with(accounts.as("leader"))).andExpect(status().isForbidden());
	}

	@Test
	void systemsImportThroughTheRestApiWithBasicAuthentication() throws Exception {
		String username = accounts.newAccount("api", "370471", Role.DISPATCHER);
		String csv = String.join(",", HEADERS) + "\n" + prefix + "201,2026-11-22 10:00,,,欣兴社区,暴露垃圾,投诉,路边垃圾堆放多日无人清理,欣兴路\n";
		String location = mvc.perform(multipart("/api/v1/hotline-imports")
			.file(new MockMultipartFile("file", "orders.csv", "text/csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
			.with(httpBasic(username, TestAccounts.PASSWORD)))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.batch.totalRows").value(1))
			.andReturn().getResponse().getHeader("Location");
		long batch = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		awaitFinished(batch);
		mvc.perform(get(location).with(httpBasic(username, TestAccounts.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.batch.status").value("DONE"))
			.andExpect(jsonPath("$.batch.importedRows").value(1));
		mvc.perform(get(location).with(httpBasic(username, "wrong-password")).with(from("10.78." + (System.nanoTime() % 250) + ".1")))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void wrongPasswordsOnTheApiAreThrottledPerAddressLikeTheSignInForm() throws Exception {
		String username = accounts.newAccount("api-guess", "370471", Role.DISPATCHER);
		String guesser = "10.77." + (System.nanoTime() % 250) + ".9";
		for (int i = 0; i < 3; i++) {
			mvc.perform(get("/api/v1/hotline-imports/1").with(httpBasic(username, "guess-" + i)).with(from(guesser)))
				.andExpect(status().isUnauthorized());
		}
		// that address is refused for a while, even with the right password
		mvc.perform(get("/api/v1/hotline-imports/1").with(httpBasic(username, TestAccounts.PASSWORD)).with(from(guesser)))
			.andExpect(status().isTooManyRequests());
		// the account itself is not locked: the right password from elsewhere works
		assertThat(mvc.perform(get("/api/v1/hotline-imports/1").with(httpBasic(username, TestAccounts.PASSWORD)))
			.andReturn().getResponse().getStatus()).isIn(200, 404);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'SIGN_IN_FAILURE' AND actor = ?")
			.param(username).query(Integer.class).single()).isEqualTo(3);
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	@Test
	void administratorsEditTheProfileAndAMistakeInItIsExplained() throws Exception {
		ImportProfile profile = imports.profile(profileId());
		String columns = profile.columnText().replace("description=诉求内容", "description=来电内容");
		mvc.perform(post("/intake/imports/profiles/" + profile.id()).with(accounts.as("dispatcher")).with(csrf())
			.param("version", Long.toString(profile.version())).param("name", profile.name())
			.param("columns", columns).param("categories", profile.categoryText()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/intake/imports/profiles/" + profile.id()).with(accounts.as("admin")).with(csrf())
			.param("version", Long.toString(profile.version())).param("name", profile.name())
			.param("columns", "externalId=工单编号\n这一行没有等号").param("categories", ""))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("第 2 行应为「名称=值」")));
		mvc.perform(post("/intake/imports/profiles/" + profile.id()).with(accounts.as("admin")).with(csrf())
			.param("version", Long.toString(profile.version())).param("name", profile.name())
			.param("columns", "externalId=工单编号").param("categories", ""))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("缺少必填字段 community")));
		mvc.perform(post("/intake/imports/profiles/" + profile.id()).with(accounts.as("admin")).with(csrf())
			.param("version", Long.toString(profile.version())).param("name", profile.name())
			.param("columns", columns).param("categories", profile.categoryText() + "\n垃圾满溢=E0107"))
			.andExpect(status().is3xxRedirection());
		ImportProfile saved = imports.profile(profile.id());
		assertThat(saved.columns()).containsEntry(ImportField.DESCRIPTION, "来电内容");
		assertThat(saved.categories()).containsEntry("垃圾满溢", "E0107");
		// put it back for the other tests of this class
		imports.saveProfile(saved.id(), saved.version(), saved.name(), profile.columnText(), profile.categoryText());
	}

	private long upload(byte[] content, String name) throws Exception {
		String location = mvc.perform(multipart("/intake/imports")
			.file(new MockMultipartFile("file", name, "application/octet-stream", content))
			.param("profileId", Long.toString(profileId()))
			.with(accounts.as("dispatcher")).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	private long profileId() {
		return jdbc.sql("SELECT id FROM hotline_import_profile WHERE name = '12345 标准格式'").query(Long.class).single();
	}

	private int reportsImported() {
		return jdbc.sql("SELECT COUNT(*) FROM report WHERE external_id LIKE ?").param(prefix + "%")
			.query(Integer.class).single();
	}

	private ImportBatchView awaitFinished(long batch) throws InterruptedException {
		for (int i = 0; i < 200; i++) {
			ImportBatchView view = imports.batch(batch, accountPrincipal("dispatcher"));
			if (!view.running()) {
				return view;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("import " + batch + " did not finish in 10 s");
	}

	private chengguan.platform.security.StaffPrincipal accountPrincipal(String username) {
		return accounts.principal(username);
	}

	private byte[] workbook() throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("工单");
			row(sheet, 0, HEADERS.toArray(String[]::new));
			row(sheet, 1, prefix + "001", "2026-11-20 09:15:00", "张女士", "13900001111", "德仁社区", "暴露垃圾", "举报",
					"小区北门垃圾堆放三天无人清运", "德仁花园北门");
			row(sheet, 2, prefix + "002", "2026-11-20 10:00", "", "", "兴城花园", "占道经营", "投诉", "商户占道经营，影响行人通行", "");
			row(sheet, 3, prefix + "003", "2026-11-20 11:00", "", "", "德仁社区", "外星人入侵", "投诉", "描述足够长的内容", "");
			row(sheet, 4, prefix + "004", "2026-11-20 11:00", "", "", "火星社区", "暴露垃圾", "投诉", "描述足够长的内容", "");
			row(sheet, 5, prefix + "005", "2026-11-20 11:00", "", "", "德仁社区", "暴露垃圾", "投诉", "", "");
			row(sheet, 6, prefix + "006", "昨天下午", "", "", "德仁社区", "暴露垃圾", "投诉", "描述足够长的内容", "");
			row(sheet, 7, prefix + "001", "2026-11-20 09:15:00", "", "", "德仁社区", "暴露垃圾", "投诉", "重复的工单编号行", "");
			Row excelDate = row(sheet, 8, prefix + "008", "", "", "", "欣兴社区", "E0101", "", "直接用本系统编码的分类", "");
			CellStyle dateStyle = workbook.createCellStyle();
			dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
			Cell when = excelDate.getCell(1);
			when.setCellValue(LocalDateTime.of(2026, 11, 21, 14, 30));
			when.setCellStyle(dateStyle);
			workbook.write(out);
			return out.toByteArray();
		}
	}

	private static Row row(Sheet sheet, int index, String... values) {
		Row row = sheet.createRow(index);
		for (int i = 0; i < values.length; i++) {
			row.createCell(i).setCellValue(values[i]);
		}
		return row;
	}

}
