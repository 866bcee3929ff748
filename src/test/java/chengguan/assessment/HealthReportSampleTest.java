package chengguan.assessment;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Draws a sample report with a full year of figures and renders its first page at 110 dpi. The PNG goes to
 * target/; run with {@code -Dchengguan.screenshots=true} to refresh docs/screenshots/health-report.png.
 */
class HealthReportSampleTest {

	@Test
	void aSampleReportRendersToAnA4PngAndKeepsItsText() throws Exception {
		long[] received = { 38, 42, 51, 47, 60, 72, 66, 58, 49, 45, 53, 61 };
		double[] closure = { 91.2, 93.0, 94.1, 92.5, 95.0, 96.4, 97.1, 97.8, 98.0, 96.9, 97.4, 97.9 };
		List<HealthReport.Trend> trend = new ArrayList<>();
		YearMonth month = YearMonth.of(2025, 3);
		for (int i = 0; i < 12; i++) {
			trend.add(new HealthReport.Trend(month.minusMonths(11 - i), received[i], closure[i]));
		}
		long[] histogram = new long[Figures.BUCKET_MINUTES.length];
		histogram[1] = 40;
		histogram[2] = 16;
		histogram[3] = 5;
		long[] handling = new long[Figures.BUCKET_MINUTES.length];
		handling[4] = 30;
		handling[5] = 20;
		Figures figures = new Figures(61, 58, 56, 53, 2, 40, 39, 58, 55, 49, 12, 61, 61 * 14 * 60L, 50,
				50 * 150 * 60L, histogram, handling, 4, 3);
		List<HealthReport.KpiLine> kpis = new ArrayList<>();
		double[][] values = { { 96.6, 97.5 }, { 94.6, 92.0 }, { 97.5, 98.2 }, { 94.8, 93.1 }, { 3.6, 4.2 },
				{ 14, 19 }, { 30, 60 }, { 150, 171 }, { 240, 240 }, { 75.0, 81.3 }, { 80.3, 76.4 } };
		for (Kpi kpi : Kpi.values()) {
			double value = values[kpi.ordinal()][0];
			double other = values[kpi.ordinal()][1];
			boolean weaker = kpi.direction() == Kpi.Direction.HIGHER ? value < other : value > other;
			kpis.add(new HealthReport.KpiLine(kpi, value, other, weaker));
		}
		HealthReport report = new HealthReport("龙山社区", "社区", "古城街道", month,
				Instant.parse("2025-04-01T00:30:00Z"), figures, trend,
				List.of(new HealthReport.Count("暴露垃圾", 17), new HealthReport.Count("占道经营", 12),
						new HealthReport.Count("乱停乱放", 9), new HealthReport.Count("违规户外广告", 6),
						new HealthReport.Count("噪声扰民", 4)),
				List.of(new HealthReport.Count("龙山路与淮海路交口", 9), new HealthReport.Count("龙山菜市场东门", 7),
						new HealthReport.Count("惠苑小区3号楼", 4)),
				List.of(new HealthReport.Count("33.956°N 116.791°E（龙山路与淮海路交口）", 11),
						new HealthReport.Count("33.958°N 116.794°E（龙山菜市场东门）", 8)),
				kpis, 2, 1,
				List.of(new HealthReport.VisitLine("王建国（负责人）", "龙山社区", 5, 540, "达标"),
						new HealthReport.VisitLine("李明", "龙山社区", 3, 330, "达标"),
						new HealthReport.VisitLine("张伟", "龙山社区", 1, 90, "未达标")),
				3, List.of("建议菜市场东门早高峰增派人员疏导", "建议在惠苑小区增设非机动车停放点"), false, List.of());

		ByteArrayOutputStream out = new ByteArrayOutputStream();
		HealthReportPdf.write(report, out, ZoneId.of("Asia/Shanghai"));
		try (PDDocument document = Loader.loadPDF(out.toByteArray())) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("龙山社区 城市管理体检报告")
				.contains("2025 年 3 月 · 社区 · 对比：古城街道 · 生成于 2025-04-01 08:30")
				.contains("本月收件量 61 件（计入考核 58 件），已办结 56 件")
				.contains("龙山路与淮海路交口 9 件")
				.contains("张伟");
			BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 110);
			// A4 is 595 × 842 points, a point 1/72 inch
			assertThat(page.getWidth()).isEqualTo(Math.round(595.28f * 110 / 72));
			assertThat(page.getHeight()).isEqualTo(Math.round(841.89f * 110 / 72));
			Path target = Boolean.getBoolean("chengguan.screenshots") ? Paths.get("docs", "screenshots", "health-report.png")
					: Paths.get("target", "health-report.png");
			Files.createDirectories(target.getParent());
			ImageIO.write(page, "png", target.toFile());
			assertThat(Files.size(target)).isGreaterThan(10_000);
		}
	}

}
