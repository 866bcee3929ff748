package chengguan.platform.documents;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/** The cell styles of the official forms (宋体, centred, wrapped, thin borders on the table) and a row writer. */
public final class SheetStyles {

	private SheetStyles() {
	}

	public static CellStyle style(Workbook workbook, int points, boolean bold, boolean bordered) {
		return style(workbook, points, bold, bordered, HorizontalAlignment.CENTER);
	}

	public static CellStyle style(Workbook workbook, int points, boolean bold, boolean bordered,
			HorizontalAlignment alignment) {
		Font font = workbook.createFont();
		font.setFontName("宋体");
		font.setFontHeightInPoints((short) points);
		font.setBold(bold);
		CellStyle style = workbook.createCellStyle();
		style.setFont(font);
		style.setAlignment(alignment);
		style.setVerticalAlignment(VerticalAlignment.CENTER);
		style.setWrapText(true);
		if (bordered) {
			style.setBorderTop(BorderStyle.THIN);
			style.setBorderBottom(BorderStyle.THIN);
			style.setBorderLeft(BorderStyle.THIN);
			style.setBorderRight(BorderStyle.THIN);
		}
		return style;
	}

	/** One cell per value, all in the same style. */
	public static void writeRow(Row row, String[] values, CellStyle style) {
		for (int column = 0; column < values.length; column++) {
			var cell = row.createCell(column);
			cell.setCellValue(values[column] == null ? "" : values[column]);
			cell.setCellStyle(style);
		}
	}

}
