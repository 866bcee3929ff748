package chengguan.engagement;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import chengguan.platform.documents.SheetStyles;

/**
 * A survey's results as .xlsx: sheet 统计 with the figures per question and 满意率 per community, sheet 原始答卷 with
 * one row per answer sheet. Percentages are numbers (75.0), blank where nobody answered.
 */
public final class SurveyWorkbook {

	public static final String FIGURES_SHEET = "统计";

	public static final String SHEETS_SHEET = "原始答卷";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private SurveyWorkbook() {
	}

	public static void write(SurveyFigures figures, ZoneId zone, OutputStream out) throws IOException {
		SXSSFWorkbook workbook = new SXSSFWorkbook(100);
		workbook.setCompressTempFiles(true);
		try {
			CellStyle title = SheetStyles.style(workbook, 14, true, false, HorizontalAlignment.LEFT);
			CellStyle head = SheetStyles.style(workbook, 11, true, true);
			CellStyle body = SheetStyles.style(workbook, 10, false, true, HorizontalAlignment.LEFT);
			writeFigures(workbook.createSheet(FIGURES_SHEET), figures, title, head, body);
			writeSheets(workbook.createSheet(SHEETS_SHEET), figures, zone, head, body);
			workbook.write(out);
		}
		finally {
			workbook.close();
		}
	}

	private static void writeFigures(Sheet sheet, SurveyFigures figures, CellStyle title, CellStyle head,
			CellStyle body) {
		sheet.setColumnWidth(0, 48 * 256);
		sheet.setColumnWidth(1, 12 * 256);
		sheet.setColumnWidth(2, 12 * 256);
		int r = 0;
		text(sheet.createRow(r++), 0, figures.survey().title(), title);
		text(sheet.createRow(r++), 0, "答卷数：" + figures.responses(), body);
		r++;
		for (SurveyFigures.QuestionFigures question : figures.questions()) {
			text(sheet.createRow(r++), 0, question.question().number() + ". " + question.question().text(), title);
			Row answered = sheet.createRow(r++);
			text(answered, 0, "作答人数", body);
			number(answered, 1, question.answered(), body);
			if (!question.counts().isEmpty()) {
				SheetStyles.writeRow(sheet.createRow(r++), new String[] { "选项", "人数", "占比（%）" }, head);
				for (SurveyFigures.Count count : question.counts()) {
					Row row = sheet.createRow(r++);
					text(row, 0, count.label(), body);
					number(row, 1, count.count(), body);
					percent(row, 2, count.percent(), body);
				}
			}
			if (question.question().kind() == SurveyQuestionKind.SATISFACTION) {
				Row rate = sheet.createRow(r++);
				text(rate, 0, "满意率（%）", head);
				percent(rate, 2, question.satisfactionRate(), body);
			}
			if (question.averageRating() != null) {
				Row average = sheet.createRow(r++);
				text(average, 0, "平均分", head);
				average.createCell(2).setCellValue(question.averageRating().doubleValue());
			}
			r++;
		}
		List<SurveyQuestion> satisfaction = figures.survey().satisfactionQuestions();
		if (!satisfaction.isEmpty()) {
			text(sheet.createRow(r++), 0, "各社区满意率（%）", title);
			List<String> headers = new ArrayList<>(List.of("社区", "答卷数"));
			satisfaction.forEach(question -> headers.add("第 " + question.number() + " 题"));
			headers.add("综合");
			SheetStyles.writeRow(sheet.createRow(r++), headers.toArray(String[]::new), head);
			for (SurveyFigures.CommunityFigures community : figures.communities()) {
				Row row = sheet.createRow(r++);
				text(row, 0, community.community().name(), body);
				number(row, 1, community.responses(), body);
				for (int i = 0; i < community.rates().size(); i++) {
					percent(row, 2 + i, community.rates().get(i), body);
				}
				percent(row, 2 + community.rates().size(), community.overallRate(), body);
			}
		}
	}

	private static void writeSheets(Sheet sheet, SurveyFigures figures, ZoneId zone, CellStyle head, CellStyle body) {
		List<String> headers = new ArrayList<>(List.of("序号", "提交时间", "社区"));
		for (SurveyQuestion question : figures.survey().questions()) {
			headers.add(question.number() + ". " + question.text());
			if (question.kind() == SurveyQuestionKind.SATISFACTION) {
				headers.add(question.number() + ". " + SurveySatisfaction.REASON_PROMPT.replace("：", ""));
			}
		}
		SheetStyles.writeRow(sheet.createRow(0), headers.toArray(String[]::new), head);
		sheet.setColumnWidth(1, 18 * 256);
		sheet.setColumnWidth(2, 14 * 256);
		for (int i = 3; i < headers.size(); i++) {
			sheet.setColumnWidth(i, 24 * 256);
		}
		int r = 1;
		for (SurveyFigures.Sheet answers : figures.sheets()) {
			Row row = sheet.createRow(r);
			number(row, 0, r, body);
			text(row, 1, TIME.format(answers.submittedAt().atZone(zone)), body);
			text(row, 2, answers.communityName(), body);
			int column = 3;
			for (SurveyQuestion question : figures.survey().questions()) {
				text(row, column++, answers.answers().get(question.id()), body);
				if (question.kind() == SurveyQuestionKind.SATISFACTION) {
					text(row, column++, answers.reasons().get(question.id()), body);
				}
			}
			r++;
		}
	}

	/** Always a string cell: a resident's "=1+1" stays text and never becomes a formula. */
	private static void text(Row row, int column, String value, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value == null ? "" : value);
		cell.setCellStyle(style);
	}

	private static void number(Row row, int column, long value, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value);
		cell.setCellStyle(style);
	}

	private static void percent(Row row, int column, BigDecimal value, CellStyle style) {
		Cell cell = row.createCell(column);
		if (value != null) {
			cell.setCellValue(value.doubleValue());
		}
		cell.setCellStyle(style);
	}

}
