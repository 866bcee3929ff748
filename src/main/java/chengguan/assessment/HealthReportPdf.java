package chengguan.assessment;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import chengguan.platform.documents.CjkFont;
import chengguan.platform.documents.PdfText;

/**
 * Lays a {@link HealthReport} out on A4 pages: the summary, a 12-month chart (bars of cases, a line of the closure
 * rate), bars of the top categories, and tables of hot spots, KPIs against the comparison region, visits and
 * suggestions. Charts are drawn as vector paths with PDFBox, so they print sharply and need no AWT.
 */
final class HealthReportPdf {

	private static final PDRectangle PAGE = PDRectangle.A4;

	private static final float MARGIN = 42;

	private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;

	private static final float BODY = 9.5f;

	private static final float LINE = 14;

	private static final float[] BLUE = { 0.16f, 0.42f, 0.75f };

	private static final float[] ORANGE = { 0.93f, 0.49f, 0.13f };

	private static final float[] RED = { 0.80f, 0.15f, 0.15f };

	private static final float[] GREY = { 0.55f, 0.55f, 0.55f };

	private static final float[] LIGHT = { 0.88f, 0.88f, 0.88f };

	private static final float[] BLACK = { 0.1f, 0.1f, 0.1f };

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

	private HealthReportPdf() {
	}

	static void write(HealthReport report, OutputStream out) throws IOException {
		write(report, out, ZoneId.of("Asia/Shanghai"));
	}

	static void write(HealthReport report, OutputStream out, ZoneId zone) throws IOException {
		try (PDDocument document = new PDDocument(); CjkFont.Loaded cjk = CjkFont.load(document)) {
			document.getDocumentInformation().setTitle(report.title());
			Layout layout = new Layout(document, cjk.font());
			layout.header(report, LocalDateTime.ofInstant(report.generatedAt(), zone).format(STAMP));
			layout.summary(report);
			layout.trend(report.trend());
			layout.categories(report.topCategories());
			layout.hotSpots(report);
			layout.kpis(report);
			layout.visits(report.visits());
			layout.suggestions(report);
			layout.finish();
			document.save(out);
		}
	}

	/** Flows blocks down the pages, starting a new page when the next block does not fit. */
	private static final class Layout {

		private final PDDocument document;

		private final PDType0Font font;

		private PDPageContentStream content;

		private float y;

		private int sections;

		Layout(PDDocument document, PDType0Font font) throws IOException {
			this.document = document;
			this.font = font;
			newPage();
		}

		void header(HealthReport report, String generated) throws IOException {
			fill(BLUE);
			content.addRect(MARGIN, y - 4, WIDTH, 4);
			content.fill();
			y -= 30;
			color(BLACK);
			PdfText.centered(content, font, 18, report.regionName() + " 城市管理体检报告", MARGIN, MARGIN + WIDTH, y);
			y -= 20;
			color(GREY);
			PdfText.centered(content, font, 10.5f, report.month().getYear() + " 年 " + report.month().getMonthValue()
					+ " 月 · " + report.levelLabel() + " · 对比：" + report.comparisonName() + " · 生成于 " + generated,
					MARGIN, MARGIN + WIDTH, y);
			y -= 16;
		}

		void summary(HealthReport report) throws IOException {
			section("总体情况");
			Figures f = report.figures();
			long weak = report.weakKpis().size();
			text("本月收件量 " + f.received() + " 件（计入考核 " + f.counted() + " 件），已办结 " + f.closed() + " 件，办结率 "
					+ Kpi.CLOSURE_RATE.format(Kpi.CLOSURE_RATE.value(f)) + "，满意率 "
					+ Kpi.SATISFACTION_RATE.format(Kpi.SATISFACTION_RATE.value(f)) + "，平均响应时长 "
					+ Kpi.RESPONSE_AVERAGE.format(Kpi.RESPONSE_AVERAGE.value(f)) + "。");
			text("本月案件未办结 " + report.openThisMonth() + " 件；当前超期未办结 " + report.overdueNow() + " 件（含以前月份）。"
					+ (weak == 0 ? "各项指标均不低于" + report.comparisonName() + "平均水平。"
							: "有 " + weak + " 项指标弱于" + report.comparisonName() + "平均水平，见“指标对比”。"));
		}

		void trend(List<HealthReport.Trend> trend) throws IOException {
			section("诉求量与办结率趋势（近 12 个月）");
			float height = 150;
			ensure(height + 40);
			float left = MARGIN + 30;
			float right = MARGIN + WIDTH - 34;
			float bottom = y - height;
			long max = Math.max(1, trend.stream().mapToLong(HealthReport.Trend::received).max().orElse(1));
			long step = niceStep(max);
			long top = ((max + step - 1) / step) * step;
			// grid and axes: cases on the left, the closure rate (0–100 %) on the right
			content.setLineWidth(0.4f);
			for (long tick = 0; tick <= top; tick += step) {
				float tickY = bottom + height * tick / top;
				stroke(LIGHT);
				content.moveTo(left, tickY);
				content.lineTo(right, tickY);
				content.stroke();
				color(GREY);
				PdfText.show(content, font, 7, Long.toString(tick), left - 4 - PdfText.width(font, 7, Long.toString(tick)),
						tickY - 2);
			}
			for (int percent = 0; percent <= 100; percent += 25) {
				PdfText.show(content, font, 7, percent + "%", right + 4, bottom + height * percent / 100f - 2);
			}
			float slot = (right - left) / trend.size();
			float previousX = -1;
			float previousY = -1;
			for (int i = 0; i < trend.size(); i++) {
				HealthReport.Trend month = trend.get(i);
				float x = left + slot * i;
				float barHeight = height * month.received() / top;
				fill(BLUE);
				content.addRect(x + slot * 0.2f, bottom, slot * 0.6f, barHeight);
				content.fill();
				color(BLACK);
				if (month.received() > 0) {
					PdfText.centered(content, font, 7, Long.toString(month.received()), x, x + slot, bottom + barHeight + 3);
				}
				color(GREY);
				PdfText.centered(content, font, 7, month.month().getMonthValue() + "月", x, x + slot, bottom - 10);
			}
			// the closure rate as a line over the bars, broken where a month has no counted cases
			content.setLineWidth(1.5f);
			stroke(ORANGE);
			for (int i = 0; i < trend.size(); i++) {
				Double rate = trend.get(i).closureRate();
				float x = left + slot * i + slot / 2;
				if (rate == null) {
					previousX = -1;
					continue;
				}
				float pointY = bottom + height * rate.floatValue() / 100;
				if (previousX >= 0) {
					content.moveTo(previousX, previousY);
					content.lineTo(x, pointY);
					content.stroke();
				}
				fill(ORANGE);
				content.addRect(x - 2, pointY - 2, 4, 4);
				content.fill();
				previousX = x;
				previousY = pointY;
			}
			content.setLineWidth(0.5f);
			y = bottom - 24;
			legend(left, y + 4);
			y -= 10;
		}

		void categories(List<HealthReport.Count> categories) throws IOException {
			section("高发问题类型（前 " + HealthReports.TOP + " 位）");
			bars(categories, BLUE, "本月没有案件。");
		}

		void hotSpots(HealthReport report) throws IOException {
			section("热点位置");
			text("按填报地址：");
			bars(report.hotAddresses(), ORANGE, "本月诉求没有填写地址。");
			text("按定位（约 100 米网格，以西南角坐标标注）：");
			bars(report.hotCells(), ORANGE, "本月诉求没有定位。");
		}

		void kpis(HealthReport report) throws IOException {
			section("指标对比（与" + report.comparisonName() + "平均水平）");
			float[] widths = { 0.30f, 0.22f, 0.26f, 0.22f };
			row(widths, true, "指标", report.levelLabel().equals("街道") ? "本街道" : "本社区", report.comparisonName(), "状态");
			for (HealthReport.KpiLine line : report.kpis()) {
				float[] statusColor = line.weaker() ? RED : BLACK;
				row(widths, false, statusColor, line.kpi().label(), line.kpi().format(line.value()),
						line.kpi().format(line.comparison()), line.weaker() ? "偏弱" : line.value() == null ? "无数据" : "正常");
			}
		}

		void visits(List<HealthReport.VisitLine> visits) throws IOException {
			section("联络员走访");
			if (visits.isEmpty()) {
				text("没有安排走访的联络员。");
				return;
			}
			float[] widths = { 0.28f, 0.30f, 0.14f, 0.14f, 0.14f };
			row(widths, true, "人员", "社区", "走访次数", "时长（分钟）", "达标情况");
			for (HealthReport.VisitLine line : visits) {
				row(widths, false, line.status().equals("未达标") ? RED : BLACK, line.staffName(), line.communityName(),
						Integer.toString(line.visits()), Integer.toString(line.minutes()), line.status());
			}
		}

		void suggestions(HealthReport report) throws IOException {
			section("居民建议与需求");
			text("本月居民建议 " + report.suggestionCount() + " 件" + (report.suggestionCount() == 0 ? "。" : "，摘录如下："));
			for (String suggestion : report.suggestions()) {
				text("· " + suggestion);
			}
			if (!report.needsConnected()) {
				text("居民需求：暂未接入需求征集数据。");
			}
			else if (report.needs().isEmpty()) {
				text("居民需求：本月没有新的需求。");
			}
			else {
				for (String need : report.needs()) {
					text("· " + need);
				}
			}
		}

		void finish() throws IOException {
			content.close();
			int total = document.getNumberOfPages();
			for (int i = 0; i < total; i++) {
				try (PDPageContentStream footer = new PDPageContentStream(document, document.getPage(i),
						PDPageContentStream.AppendMode.APPEND, true)) {
					footer.setNonStrokingColor(GREY[0], GREY[1], GREY[2]);
					PdfText.centered(footer, font, 8, "第 " + (i + 1) + " 页 / 共 " + total + " 页", MARGIN,
							MARGIN + WIDTH, MARGIN - 18);
				}
			}
		}

		// ---- building blocks

		private void section(String title) throws IOException {
			ensure(60);
			sections++;
			y -= 12;
			fill(BLUE);
			content.addRect(MARGIN, y - 2, 3, 13);
			content.fill();
			color(BLACK);
			PdfText.show(content, font, 12, numeral(sections) + "、" + title, MARGIN + 8, y);
			y -= 18;
		}

		private void text(String text) throws IOException {
			for (String line : PdfText.wrap(font, BODY, text, WIDTH, 0)) {
				ensure(LINE);
				color(BLACK);
				PdfText.show(content, font, BODY, line, MARGIN, y);
				y -= LINE;
			}
		}

		/** Horizontal bars, longest first, with the name on the left and the count at the bar's end. */
		private void bars(List<HealthReport.Count> counts, float[] barColor, String empty) throws IOException {
			if (counts.isEmpty()) {
				text(empty);
				return;
			}
			long max = counts.stream().mapToLong(HealthReport.Count::cases).max().orElse(1);
			float nameWidth = WIDTH * 0.5f;
			float barSpace = WIDTH - nameWidth - 50;
			for (HealthReport.Count count : counts) {
				ensure(LINE + 2);
				color(BLACK);
				List<String> name = PdfText.wrap(font, BODY, count.name(), nameWidth - 6, 1);
				PdfText.show(content, font, BODY, name.get(0), MARGIN, y);
				float length = Math.max(1, barSpace * count.cases() / max);
				fill(barColor);
				content.addRect(MARGIN + nameWidth, y - 2, length, 10);
				content.fill();
				color(BLACK);
				PdfText.show(content, font, BODY, count.cases() + " 件", MARGIN + nameWidth + length + 4, y);
				y -= LINE + 2;
			}
			y -= 2;
		}

		private void row(float[] widths, boolean heading, String... cells) throws IOException {
			row(widths, heading, BLACK, cells);
		}

		private void row(float[] widths, boolean heading, float[] lastColor, String... cells) throws IOException {
			ensure(LINE + 4);
			if (heading) {
				fill(LIGHT);
				content.addRect(MARGIN, y - 4, WIDTH, LINE);
				content.fill();
			}
			float x = MARGIN + 4;
			for (int i = 0; i < cells.length; i++) {
				color(i == cells.length - 1 ? lastColor : BLACK);
				List<String> fitted = PdfText.wrap(font, BODY, cells[i], WIDTH * widths[i] - 8, 1);
				PdfText.show(content, font, BODY, fitted.get(0), x, y);
				x += WIDTH * widths[i];
			}
			stroke(LIGHT);
			content.moveTo(MARGIN, y - 4);
			content.lineTo(MARGIN + WIDTH, y - 4);
			content.stroke();
			y -= LINE + 2;
		}

		private void legend(float x, float legendY) throws IOException {
			fill(BLUE);
			content.addRect(x, legendY, 10, 7);
			content.fill();
			color(BLACK);
			PdfText.show(content, font, 8, "收件量（件，左轴）", x + 14, legendY);
			fill(ORANGE);
			content.addRect(x + 110, legendY + 2, 12, 3);
			content.fill();
			color(BLACK);
			PdfText.show(content, font, 8, "办结率（右轴）", x + 126, legendY);
		}

		private void ensure(float height) throws IOException {
			if (y - height < MARGIN + 10) {
				content.close();
				newPage();
			}
		}

		private void newPage() throws IOException {
			PDPage page = new PDPage(PAGE);
			document.addPage(page);
			content = new PDPageContentStream(document, page);
			content.setLineWidth(0.5f);
			y = PAGE.getHeight() - MARGIN;
		}

		private void color(float[] rgb) throws IOException {
			content.setNonStrokingColor(rgb[0], rgb[1], rgb[2]);
		}

		private void fill(float[] rgb) throws IOException {
			content.setNonStrokingColor(rgb[0], rgb[1], rgb[2]);
		}

		private void stroke(float[] rgb) throws IOException {
			content.setStrokingColor(rgb[0], rgb[1], rgb[2]);
		}

		private static long niceStep(long max) {
			long step = 1;
			while (max / step > 5) {
				step = step == 1 ? 2 : step % 2 == 0 && Long.toString(step).startsWith("2") ? step / 2 * 5 : step * 2;
			}
			return step;
		}

		private static String numeral(int n) {
			String[] numerals = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十" };
			return n <= numerals.length ? numerals[n - 1] : Integer.toString(n);
		}

	}

}
