package chengguan.organization;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import chengguan.support.IntegrationTest;
import chengguan.support.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The 附件3 基本情况统计表, read back from the downloaded file. */
@IntegrationTest
class CommunityTableExportTest {

	/** The nine communities and their officers' positions, exactly as 附件3 of the seed lists them. */
	private static final List<List<String>> ANNEX3 = List.of(List.of("兴仁街道", "德仁社区", "安全生产监督管理科科长"),
			List.of("兴仁街道", "光明社区", "法制科科长"), List.of("兴仁街道", "天安社区", "城市管理科科长"),
			List.of("兴仁街道", "复兴社区", "园林绿化科科长"), List.of("兴仁街道", "兴安社区", "市政管理科科长"),
			List.of("兴仁街道", "松江社区", "市政工程科科长"), List.of("兴城街道", "兴城花园社区", "智慧城管办公室科长"),
			List.of("兴城街道", "锦绣园社区", "城市亮化科科长"), List.of("张范街道", "欣兴社区", "综合执法科科长"));

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	private final DataFormatter formatter = new DataFormatter();

	@Test
	void exportHasTheSeedsHeadersMergedStreetsAndAllNineCommunities() throws Exception {
		byte[] file = mvc.perform(get("/org/assignments/export.xlsx").with(accounts.as("admin")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type",
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(text(sheet, 0, 0)).isEqualTo("“城市管理进社区”基本情况统计表");
			assertThat(rowTexts(sheet.getRow(1))).containsExactly("街道", "序号", "社区基本情况", "", "", "执法局城管进社区负责人",
					"", "");
			assertThat(rowTexts(sheet.getRow(2))).containsExactly("", "", "社区名称", "负责人", "联系电话", "姓名", "职务",
					"联系电话");

			List<String> merged = sheet.getMergedRegions().stream().map(CellRangeAddress::formatAsString).toList();
			assertThat(merged).contains("A1:H1", "A2:A3", "B2:B3", "C2:E2", "F2:H2");
			// 兴仁街道 over its six communities, 兴城街道 over two; 张范街道 has one row, nothing to merge
			assertThat(merged).contains("A4:A9", "A10:A11");
			assertThat(merged).noneMatch(range -> range.startsWith("A12"));

			assertThat(sheet.getLastRowNum()).isEqualTo(3 + ANNEX3.size() - 1);
			String street = null;
			for (int i = 0; i < ANNEX3.size(); i++) {
				int rowIndex = 3 + i;
				String streetCell = text(sheet, rowIndex, 0);
				street = streetCell.isEmpty() ? street : streetCell;
				assertThat(street).as("street of row %d", i + 1).isEqualTo(ANNEX3.get(i).get(0));
				assertThat(text(sheet, rowIndex, 1)).isEqualTo(String.valueOf(i + 1));
				assertThat(text(sheet, rowIndex, 2)).isEqualTo(ANNEX3.get(i).get(1));
				assertThat(text(sheet, rowIndex, 3)).as("社区负责人").isNotBlank();
				assertThat(text(sheet, rowIndex, 4)).as("社区负责人电话").matches("1380000\\d{4}");
				assertThat(text(sheet, rowIndex, 5)).as("执法局负责人").isNotBlank();
				assertThat(text(sheet, rowIndex, 6)).isEqualTo(ANNEX3.get(i).get(2));
				assertThat(text(sheet, rowIndex, 7)).as("执法局负责人电话").matches("1380000\\d{4}");
			}
		}
	}

	@Test
	void aStreetExportsOnlyItsOwnCommunities() throws Exception {
		byte[] file = mvc.perform(get("/org/assignments/export.xlsx").with(accounts.as("xingcheng")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(4);
			assertThat(text(sheet, 3, 2)).isEqualTo("兴城花园社区");
			assertThat(text(sheet, 4, 2)).isEqualTo("锦绣园社区");
		}
	}

	private String text(Sheet sheet, int row, int column) {
		Row line = sheet.getRow(row);
		return line == null || line.getCell(column) == null ? "" : formatter.formatCellValue(line.getCell(column));
	}

	private List<String> rowTexts(Row row) {
		List<String> texts = new ArrayList<>();
		for (int column = 0; column < 8; column++) {
			texts.add(row.getCell(column) == null ? "" : formatter.formatCellValue(row.getCell(column)));
		}
		return texts;
	}

}
