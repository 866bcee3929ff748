package chengguan.fieldwork;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The printable 附件2: the same title, 填表 line, headings, rows in order and 注 line as the workbook. */
class LedgerPdfTest {

	private static final LedgerWorkbook.Header HEADER = new LedgerWorkbook.Header("兴仁中队", LocalDate.of(2026, 11, 1),
			"张伟", "0632-8001001", YearMonth.of(2026, 10));

	private static LedgerWorkbook.Entry entry(int day, String community, String work) {
		return new LedgerWorkbook.Entry(LocalDate.of(2026, 10, day), LocalTime.of(9, 0), LocalTime.of(11, 0), community,
				work, "张伟 13800003001", "孙丽华 13800002001");
	}

	private static byte[] pdf(List<LedgerWorkbook.Entry> entries) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(LedgerPdf.write(HEADER, entries.iterator(), out)).isEqualTo(entries.size());
		return out.toByteArray();
	}

	@Test
	void theFirstPageHasTheTitleTheFormLineTheHeadingsTheRowsInOrderAndTheNote() throws Exception {
		byte[] pdf = pdf(List.of(entry(6, "德仁社区", "社区巡查：巡查背街小巷"), entry(13, "光明社区", "普法宣传：发放宣传册 30 份"),
				entry(20, "天安社区", "意见征集：收集停车意见 😀")));
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isEqualTo(1);
			String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
			assertThat(text).contains(LedgerWorkbook.TITLE.replaceAll("\\s+", ""))
				.contains("填表单位：兴仁中队")
				.contains("填表时间：2026年11月1日")
				.contains("填表人：张伟")
				.contains("联系电话：0632-8001001")
				.contains("进社区人员及联系方式")
				.contains("社区直接责任人及联系方式")
				.contains(LedgerWorkbook.NOTE.replaceAll("\\s+", ""))
				.contains("第1页/共1页")
				// the emoji the font cannot draw is replaced, not fatal
				.contains("收集停车意见□");
			assertThat(text.indexOf("德仁社区")).isLessThan(text.indexOf("光明社区"));
			assertThat(text.indexOf("光明社区")).isLessThan(text.indexOf("天安社区"));
		}
	}

	@Test
	void aLongLedgerRunsOverPagesWithTheHeadingsOnEachAndLongTextWrapped() throws Exception {
		List<LedgerWorkbook.Entry> entries = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			entries.add(entry(1 + i % 28, "德仁社区", "社区巡查：" + "沿德仁路巡查市容秩序，劝导店外经营。".repeat(1 + i % 4)));
		}
		try (PDDocument document = Loader.loadPDF(pdf(entries))) {
			int pages = document.getNumberOfPages();
			assertThat(pages).isGreaterThan(2);
			PDFTextStripper stripper = new PDFTextStripper();
			for (int page = 1; page <= pages; page++) {
				stripper.setStartPage(page);
				stripper.setEndPage(page);
				String text = stripper.getText(document).replaceAll("\\s+", "");
				assertThat(text).contains("进社区人员及联系方式").contains("第" + page + "页/共" + pages + "页");
			}
			stripper.setStartPage(pages);
			stripper.setEndPage(pages);
			assertThat(stripper.getText(document).replaceAll("\\s+", "")).contains("注：").contains("60");
		}
	}

	@Test
	void aLedgerOfMoreThan3000RowsIsWrittenWholeWithTheLastRowOnTheLastPage() throws Exception {
		int rows = 3_200;
		List<LedgerWorkbook.Entry> entries = new ArrayList<>();
		for (int i = 1; i <= rows; i++) {
			entries.add(entry(1 + i % 28, i == rows ? "锦绣园社区" : "德仁社区", "社区巡查：第 " + i + " 次巡查背街小巷"));
		}
		byte[] pdf = pdf(entries);
		assertThat(xrefOffsetsPointAtTheirObjects(pdf)).isTrue();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			int pages = document.getNumberOfPages();
			assertThat(pages).isGreaterThan(60);
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setStartPage(pages);
			stripper.setEndPage(pages);
			String last = stripper.getText(document).replaceAll("\\s+", "");
			assertThat(last).contains("进社区人员及联系方式")
				.contains("3200" + entries.get(rows - 1).time().replaceAll("\\s+", "") + "锦绣园社区")
				.contains("第3200次巡查背街小巷")
				.contains("注：")
				.contains("第" + pages + "页/共" + pages + "页");
			stripper.setStartPage(1);
			stripper.setEndPage(1);
			assertThat(stripper.getText(document).replaceAll("\\s+", "")).contains("填表单位：兴仁中队")
				.contains("第1页/共" + pages + "页")
				.doesNotContain("锦绣园社区");
		}
	}

	/** The file is written by hand (page by page), so check what a lenient reader would silently repair. */
	private static boolean xrefOffsetsPointAtTheirObjects(byte[] pdf) {
		String file = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1);
		int startxref = Integer.parseInt(file.substring(file.lastIndexOf("startxref") + 9, file.lastIndexOf("%%EOF")).trim());
		assertThat(file.startsWith("xref", startxref)).isTrue();
		String[] lines = file.substring(startxref).split("\n");
		int count = Integer.parseInt(lines[1].split(" ")[1]);
		for (int object = 1; object < count; object++) {
			int offset = Integer.parseInt(lines[2 + object].substring(0, 10));
			if (!file.startsWith(object + " 0 obj", offset)) {
				return false;
			}
		}
		return count > 3;
	}

}
