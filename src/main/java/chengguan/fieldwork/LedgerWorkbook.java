package chengguan.fieldwork;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import chengguan.platform.documents.SheetStyles;

/**
 * 附件2 “城市管理进社区”活动工作台账 in the seed's layout: the title, the 填表单位/填表时间/填表人/联系电话 line, the six
 * columns, one row per visit in time order, and the 注 line. Written with POI's streaming workbook, so a year of a
 * whole district's visits is written with a window of 100 rows in memory.
 */
public final class LedgerWorkbook {

	public static final String TITLE = "“城市管理进社区”活动工作台账";

	public static final String[] HEADERS = { "序号", "时间", "社区名称", "工作事项", "进社区人员及联系方式",
			"社区直接责任人及联系方式" };

	public static final String NOTE = "注：进社区人员为进社区开展城市管理服务的人员，社区直接责任人为在社区设置的城市管理岗人员。";

	static final int[] WIDTHS = { 7, 22, 16, 44, 30, 30 };

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private LedgerWorkbook() {
	}

	/** The 填表 line: who fills the ledger in, for which month. */
	public record Header(String unitName, LocalDate filledOn, String filledBy, String phone, YearMonth month) {
	}

	/** One visit as the ledger shows it. */
	public record Entry(LocalDate date, LocalTime start, LocalTime end, String communityName, String workItems,
			String visitors, String communityContacts) {

		String time() {
			return date.format(DATE) + " " + start.format(TIME) + "–" + end.format(TIME);
		}

	}

	/** @return how many entries were written */
	public static int write(Header header, Iterator<Entry> entries, OutputStream out) throws IOException {
		SXSSFWorkbook workbook = new SXSSFWorkbook(100);
		workbook.setCompressTempFiles(true);
		try {
			Sheet sheet = workbook.createSheet(header.month().getYear() + "年" + header.month().getMonthValue() + "月");
			CellStyle title = SheetStyles.style(workbook, 16, true, false);
			CellStyle info = SheetStyles.style(workbook, 11, false, false, HorizontalAlignment.LEFT);
			CellStyle head = SheetStyles.style(workbook, 11, true, true);
			CellStyle body = SheetStyles.style(workbook, 10, false, true);
			CellStyle text = SheetStyles.style(workbook, 10, false, true, HorizontalAlignment.LEFT);
			for (int i = 0; i < WIDTHS.length; i++) {
				sheet.setColumnWidth(i, WIDTHS[i] * 256);
			}
			sheet.getPrintSetup().setLandscape(true);
			sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);

			Row titleRow = sheet.createRow(0);
			titleRow.setHeightInPoints(30);
			titleRow.createCell(0).setCellValue(TITLE);
			titleRow.getCell(0).setCellStyle(title);
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, HEADERS.length - 1));

			Row infoRow = sheet.createRow(1);
			infoRow.createCell(0).setCellValue(infoLine(header));
			infoRow.getCell(0).setCellStyle(info);
			sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, HEADERS.length - 1));

			Row headerRow = sheet.createRow(2);
			headerRow.setHeightInPoints(24);
			SheetStyles.writeRow(headerRow, HEADERS, head);
			sheet.createFreezePane(0, 3);

			int written = 0;
			int rowIndex = 3;
			while (entries.hasNext()) {
				Entry entry = entries.next();
				Row row = sheet.createRow(rowIndex++);
				written++;
				String[] values = { Integer.toString(written), entry.time(), entry.communityName(), entry.workItems(),
						entry.visitors(), entry.communityContacts() };
				SheetStyles.writeRow(row, values, body);
				row.getCell(3).setCellStyle(text);
			}
			Row noteRow = sheet.createRow(rowIndex);
			noteRow.createCell(0).setCellValue(NOTE);
			noteRow.getCell(0).setCellStyle(info);
			sheet.addMergedRegion(new CellRangeAddress(rowIndex, rowIndex, 0, HEADERS.length - 1));
			workbook.write(out);
			return written;
		}
		finally {
			workbook.close();
			workbook.dispose();
		}
	}

	static String infoLine(Header header) {
		return "填表单位：" + header.unitName() + "　　填表时间：" + header.filledOn().format(DATE) + "　　填表人："
				+ nullToEmpty(header.filledBy()) + "　　联系电话：" + nullToEmpty(header.phone());
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}

}
