package chengguan.fieldwork;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The 附件2 ledger read back with POI: title, 填表 line, the six headers, rows in order, the 注 line. */
class LedgerWorkbookTest {

	@Test
	void theLedgerHasTheSeedsLayout() throws Exception {
		List<LedgerWorkbook.Entry> entries = List.of(
				new LedgerWorkbook.Entry(LocalDate.parse("2026-11-03"), LocalTime.of(9, 0), LocalTime.of(11, 30), "德仁社区",
						"社区巡查、普法宣传：巡查背街小巷，发放宣传册 50 份", "王志强 13800001001；张伟 13800003001", "孙丽华 13800002001"),
				new LedgerWorkbook.Entry(LocalDate.parse("2026-11-17"), LocalTime.of(14, 0), LocalTime.of(16, 0), "光明社区",
						"物业监督：检查小区环境卫生", "张伟 13800003001", "马春梅 13800002002"));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int written = LedgerWorkbook.write(new LedgerWorkbook.Header("兴仁中队", LocalDate.parse("2026-12-01"), "张伟",
				"13800003001", YearMonth.of(2026, 11)), entries.iterator(), out);
		assertThat(written).isEqualTo(2);

		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getSheetName()).isEqualTo("2026年11月");
			assertThat(text(sheet.getRow(0), 0)).isEqualTo("“城市管理进社区”活动工作台账");
			assertThat(text(sheet.getRow(1), 0)).isEqualTo(
					"填表单位：兴仁中队　　填表时间：2026年12月1日　　填表人：张伟　　联系电话：13800003001");
			List<String> headers = new ArrayList<>();
			sheet.getRow(2).forEach(cell -> headers.add(cell.getStringCellValue()));
			assertThat(headers).containsExactly("序号", "时间", "社区名称", "工作事项", "进社区人员及联系方式", "社区直接责任人及联系方式");
			assertThat(text(sheet.getRow(3), 0)).isEqualTo("1");
			assertThat(text(sheet.getRow(3), 1)).isEqualTo("2026年11月3日 09:00–11:30");
			assertThat(text(sheet.getRow(3), 2)).isEqualTo("德仁社区");
			assertThat(text(sheet.getRow(3), 5)).isEqualTo("孙丽华 13800002001");
			assertThat(text(sheet.getRow(4), 0)).isEqualTo("2");
			assertThat(text(sheet.getRow(4), 2)).isEqualTo("光明社区");
			assertThat(text(sheet.getRow(5), 0)).startsWith("注：进社区人员为进社区开展城市管理服务的人员");
			assertThat(sheet.getMergedRegions()).contains(new CellRangeAddress(0, 0, 0, 5), new CellRangeAddress(1, 1, 0, 5),
					new CellRangeAddress(5, 5, 0, 5));
			assertThat(sheet.getLastRowNum()).isEqualTo(5);
		}
	}

	@Test
	void anEmptyMonthStillHasTheFormAndTheNote() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(LedgerWorkbook.write(new LedgerWorkbook.Header("张范中队", LocalDate.parse("2026-12-01"), null, null,
				YearMonth.of(2026, 11)), List.<LedgerWorkbook.Entry>of().iterator(), out)).isZero();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			assertThat(text(workbook.getSheetAt(0).getRow(3), 0)).startsWith("注：");
		}
	}

	private static String text(Row row, int column) {
		return row.getCell(column).getStringCellValue();
	}

}
