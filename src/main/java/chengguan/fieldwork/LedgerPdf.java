package chengguan.fieldwork;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import chengguan.platform.documents.PdfText;
import chengguan.platform.documents.StreamedPdf;

/**
 * The 附件2 ledger for printing and signing: A4 landscape, the title and 填表 line on the first page, the column
 * headings repeated on every page, rows that grow with their text, the 注 line after the last row and 第 n 页 / 共 m 页
 * at the foot. Each page is written out as soon as it is full ({@link StreamedPdf}), so a ledger of any length takes
 * the same memory.
 */
public final class LedgerPdf {

	private static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());

	private static final float MARGIN = 36;

	private static final float BODY = 9;

	private static final float LINE = 12;

	private static final float PADDING = 4;

	private LedgerPdf() {
	}

	/** @return how many entries were written */
	public static int write(LedgerWorkbook.Header header, Iterator<LedgerWorkbook.Entry> entries, OutputStream out)
			throws IOException {
		try (StreamedPdf pdf = new StreamedPdf(out, PAGE, LedgerWorkbook.TITLE)) {
			Pages pages = new Pages(pdf);
			float y = pages.first(header);
			int written = 0;
			while (entries.hasNext()) {
				LedgerWorkbook.Entry entry = entries.next();
				written++;
				String[] values = { Integer.toString(written), entry.time(), entry.communityName(), entry.workItems(),
						entry.visitors(), entry.communityContacts() };
				y = pages.row(values, y);
			}
			pages.note(LedgerWorkbook.NOTE, y);
			pdf.finish(pages::footer);
			return written;
		}
	}

	/** Lays rows out page after page, starting a new page (with the headings) when a row does not fit. */
	private static final class Pages {

		private final StreamedPdf pdf;

		private final PDType0Font font;

		private final float[] columnX;

		private final float[] columnWidth;

		private PDPageContentStream content;

		Pages(StreamedPdf pdf) {
			this.pdf = pdf;
			this.font = pdf.font();
			int total = 0;
			for (int width : LedgerWorkbook.WIDTHS) {
				total += width;
			}
			float usable = PAGE.getWidth() - 2 * MARGIN;
			columnX = new float[LedgerWorkbook.WIDTHS.length];
			columnWidth = new float[LedgerWorkbook.WIDTHS.length];
			float x = MARGIN;
			for (int i = 0; i < columnX.length; i++) {
				columnX[i] = x;
				columnWidth[i] = usable * LedgerWorkbook.WIDTHS[i] / total;
				x += columnWidth[i];
			}
		}

		float first(LedgerWorkbook.Header header) throws IOException {
			newPage();
			float top = PAGE.getHeight() - MARGIN;
			PdfText.centered(content, font, 16, LedgerWorkbook.TITLE, MARGIN, PAGE.getWidth() - MARGIN, top - 16);
			PdfText.show(content, font, 10, LedgerWorkbook.infoLine(header), MARGIN, top - 38);
			return headings(top - 48);
		}

		float row(String[] values, float y) throws IOException {
			@SuppressWarnings("unchecked")
			List<String>[] lines = new List[values.length];
			int most = 1;
			for (int i = 0; i < values.length; i++) {
				lines[i] = PdfText.wrap(font, BODY, values[i], columnWidth[i] - 2 * PADDING, 0);
				most = Math.max(most, lines[i].size());
			}
			float height = most * LINE + 2 * PADDING;
			if (y - height < MARGIN + 20) {
				y = nextPage();
			}
			if (y - height < MARGIN + 20) {
				// a row taller than a page is cut to the page rather than lost
				height = y - MARGIN - 20;
			}
			cells(y, height);
			for (int i = 0; i < values.length; i++) {
				float lineY = y - PADDING - BODY;
				for (String line : lines[i]) {
					if (lineY < y - height) {
						break;
					}
					PdfText.show(content, font, BODY, line, columnX[i] + PADDING, lineY);
					lineY -= LINE;
				}
			}
			return y - height;
		}

		void note(String note, float y) throws IOException {
			if (y - 20 < MARGIN + 20) {
				y = nextPage();
			}
			PdfText.show(content, font, 9, note, MARGIN, y - 14);
		}

		void footer(PDPageContentStream footer, int page, int pages) throws IOException {
			PdfText.centered(footer, font, 9, "第 " + page + " 页 / 共 " + pages + " 页", MARGIN,
					PAGE.getWidth() - MARGIN, MARGIN - 12);
		}

		private float nextPage() throws IOException {
			newPage();
			return headings(PAGE.getHeight() - MARGIN);
		}

		private void newPage() throws IOException {
			content = pdf.newPage();
			content.setLineWidth(0.5f);
		}

		private float headings(float y) throws IOException {
			float height = LINE + 2 * PADDING + 2;
			content.setNonStrokingColor(0.92f, 0.92f, 0.92f);
			content.addRect(MARGIN, y - height, PAGE.getWidth() - 2 * MARGIN, height);
			content.fill();
			content.setNonStrokingColor(0f, 0f, 0f);
			cells(y, height);
			for (int i = 0; i < LedgerWorkbook.HEADERS.length; i++) {
				PdfText.centered(content, font, 10, LedgerWorkbook.HEADERS[i], columnX[i],
						columnX[i] + columnWidth[i], y - PADDING - 11);
			}
			return y - height;
		}

		private void cells(float y, float height) throws IOException {
			for (int i = 0; i < columnX.length; i++) {
				content.addRect(columnX[i], y - height, columnWidth[i], height);
			}
			content.stroke();
		}

	}

}
