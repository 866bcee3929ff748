package chengguan.organization;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import chengguan.platform.documents.SheetStyles;

/**
 * Writes 附件3 “城市管理进社区”基本情况统计表 in the seed's layout: a title row, two header rows (街道 and 序号
 * spanning both, then the groups 社区基本情况 and 执法局城管进社区负责人 over their three columns each), one row
 * per community, and each street's name merged down over its communities.
 */
@Component
public class CommunityTableExport {

	public static final String TITLE = "“城市管理进社区”基本情况统计表";

	static final String[] GROUP_HEADERS = { "街道", "序号", "社区基本情况", "", "", "执法局城管进社区负责人", "", "" };

	static final String[] COLUMN_HEADERS = { "", "", "社区名称", "负责人", "联系电话", "姓名", "职务", "联系电话" };

	private static final int[] COLUMN_WIDTHS = { 14, 7, 18, 12, 16, 12, 28, 16 };

	private static final int FIRST_DATA_ROW = 3;

	public void write(List<AssignmentRow> rows, OutputStream out) throws IOException {
		try (Workbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("基本情况统计表");
			CellStyle title = SheetStyles.style(workbook, 16, true, false);
			CellStyle header = SheetStyles.style(workbook, 11, true, true);
			CellStyle body = SheetStyles.style(workbook, 11, false, true);

			Row titleRow = sheet.createRow(0);
			titleRow.setHeightInPoints(30);
			titleRow.createCell(0).setCellValue(TITLE);
			titleRow.getCell(0).setCellStyle(title);
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 7));

			writeRow(sheet.createRow(1), GROUP_HEADERS, header);
			writeRow(sheet.createRow(2), COLUMN_HEADERS, header);
			sheet.addMergedRegion(new CellRangeAddress(1, 2, 0, 0));
			sheet.addMergedRegion(new CellRangeAddress(1, 2, 1, 1));
			sheet.addMergedRegion(new CellRangeAddress(1, 1, 2, 4));
			sheet.addMergedRegion(new CellRangeAddress(1, 1, 5, 7));

			int rowIndex = FIRST_DATA_ROW;
			int streetStart = FIRST_DATA_ROW;
			for (int i = 0; i < rows.size(); i++) {
				AssignmentRow row = rows.get(i);
				boolean firstOfStreet = i == 0 || rows.get(i - 1).streetId() != row.streetId();
				if (firstOfStreet) {
					mergeStreet(sheet, streetStart, rowIndex - 1);
					streetStart = rowIndex;
				}
				Row line = sheet.createRow(rowIndex++);
				writeRow(line, new String[] { firstOfStreet ? row.streetName() : "", String.valueOf(i + 1),
						row.communityName(), row.contactName(), row.contactPhone(), row.responsibleName(),
						row.responsiblePosition(), row.responsiblePhone() }, body);
				line.getCell(1).setCellValue(i + 1);
			}
			mergeStreet(sheet, streetStart, rowIndex - 1);

			for (int column = 0; column < COLUMN_WIDTHS.length; column++) {
				sheet.setColumnWidth(column, COLUMN_WIDTHS[column] * 256);
			}
			sheet.createFreezePane(0, FIRST_DATA_ROW);
			sheet.getPrintSetup().setLandscape(true);
			sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
			sheet.setFitToPage(true);
			sheet.getPrintSetup().setFitWidth((short) 1);
			sheet.getPrintSetup().setFitHeight((short) 0);
			sheet.setRepeatingRows(new CellRangeAddress(1, 2, -1, -1));
			workbook.write(out);
		}
	}

	private static void mergeStreet(Sheet sheet, int firstRow, int lastRow) {
		if (lastRow > firstRow) {
			sheet.addMergedRegion(new CellRangeAddress(firstRow, lastRow, 0, 0));
		}
	}

	private static void writeRow(Row row, String[] values, CellStyle style) {
		row.setHeightInPoints(22);
		SheetStyles.writeRow(row, values, style);
	}


}
