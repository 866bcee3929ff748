package chengguan.platform.documents;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfwriter.COSWriter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;

/**
 * A PDF written page by page straight to its output, with the CJK font: each page's content goes out as soon as the
 * page is done, so memory stays the same whether the document has 3 pages or 3,000.
 * <p>
 * PDFBox keeps every page of a {@link PDDocument} (and a 4 KB buffer per content stream) until it saves, which is why
 * a 50,000-row ledger needed hundreds of MB. Here PDFBox only draws: {@link PDPageContentStream} writes each page's
 * operators into a buffer, the buffer is compressed and written out as one object, and only the page's object number
 * is kept. What must know the whole document — the page tree, a footer that says 共 m 页, the font subset — is
 * written at the end, {@link #finish(Footer)}. The font is PDFBox's own subset (built from the glyphs the pages
 * used) and is copied object by object.
 */
public final class StreamedPdf implements Closeable {

	/** Draws the footer of a page once the number of pages is known. */
	@FunctionalInterface
	public interface Footer {

		void draw(PDPageContentStream content, int page, int pages) throws IOException;

	}

	private static final int CATALOG = 1;

	private static final int PAGES = 2;

	private static final int FONT = 3;

	private final Counting out;

	private final PDRectangle pageSize;

	private final String title;

	/** Holds the font only; never saved. */
	private final PDDocument fontHolder = new PDDocument();

	private final CjkFont.Loaded cjk;

	/** The resources every page shares: the font, by the name the content streams use. */
	private final PDAppearanceStream canvas = new PDAppearanceStream(new COSStream());

	/** A page's operators as PDFBox writes them (many small writes: compressed in one go when the page ends). */
	private final ByteArrayOutputStream operators = new ByteArrayOutputStream(64 * 1024);

	private final ByteArrayOutputStream deflated = new ByteArrayOutputStream(16 * 1024);

	private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);

	private long[] offsets = new long[64];

	private int nextObject = FONT + 1;

	private int[] contents = new int[16];

	private int pages;

	private PDPageContentStream current;

	public StreamedPdf(OutputStream out, PDRectangle pageSize, String title) throws IOException {
		this.out = new Counting(out);
		this.pageSize = pageSize;
		this.title = title;
		this.cjk = CjkFont.load(fontHolder);
		canvas.setResources(new PDResources());
		canvas.setBBox(pageSize);
		// the binary comment tells transfer programs that the file is binary
		this.out.write("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1));
	}

	public PDType0Font font() {
		return cjk.font();
	}

	public int pages() {
		return pages;
	}

	/** Ends the page being drawn (if any) and starts a new one. */
	public PDPageContentStream newPage() throws IOException {
		endPage();
		operators.reset();
		current = new PDPageContentStream(fontHolder, canvas, operators);
		return current;
	}

	private void endPage() throws IOException {
		if (current == null) {
			return;
		}
		current.close();
		current = null;
		if (pages == contents.length) {
			contents = Arrays.copyOf(contents, pages * 2);
		}
		contents[pages++] = writeStream();
	}

	/**
	 * Ends the last page, draws every page's footer, and writes the page tree, the font subset and the cross-reference
	 * table. The output is complete afterwards (it is not closed).
	 */
	public void finish(Footer footer) throws IOException {
		endPage();
		int[] footers = new int[pages];
		for (int page = 0; page < pages; page++) {
			operators.reset();
			try (PDPageContentStream content = new PDPageContentStream(fontHolder, canvas, operators)) {
				footer.draw(content, page + 1, pages);
			}
			footers[page] = writeStream();
		}
		cjk.font().subset();

		Objects objects = new Objects();
		objects.indirect.put(cjk.font().getCOSObject(), FONT);
		int resources = allocate();
		int info = allocate();
		int firstPage = nextObject;
		nextObject += pages;

		StringBuilder kids = new StringBuilder();
		for (int page = 0; page < pages; page++) {
			kids.append(firstPage + page).append(" 0 R ");
		}
		String mediaBox = "[0 0 " + number(pageSize.getWidth()) + " " + number(pageSize.getHeight()) + "]";
		for (int page = 0; page < pages; page++) {
			begin(firstPage + page);
			ascii("<< /Type /Page /Parent " + PAGES + " 0 R /MediaBox " + mediaBox + " /Resources " + resources
					+ " 0 R /Contents [" + contents[page] + " 0 R " + footers[page] + " 0 R] >>");
			end();
		}
		begin(resources);
		objects.write(canvas.getResources().getCOSObject(), true);
		end();
		begin(FONT);
		objects.write(cjk.font().getCOSObject(), true);
		end();
		objects.drain();
		begin(info);
		ascii("<< /Title ");
		COSWriter.writeString(new COSString(title), out);
		ascii(" >>");
		end();
		begin(PAGES);
		ascii("<< /Type /Pages /Count " + pages + " /Kids [" + kids + "] >>");
		end();
		begin(CATALOG);
		ascii("<< /Type /Catalog /Pages " + PAGES + " 0 R >>");
		end();

		long xref = out.count;
		ascii("xref\n0 " + nextObject + "\n0000000000 65535 f \n");
		for (int object = 1; object < nextObject; object++) {
			ascii(String.format("%010d 00000 n \n", offsets[object]));
		}
		ascii("trailer\n<< /Size " + nextObject + " /Root " + CATALOG + " 0 R /Info " + info + " 0 R >>\nstartxref\n"
				+ xref + "\n%%EOF\n");
		out.flush();
	}

	@Override
	public void close() throws IOException {
		try {
			deflater.end();
			cjk.close();
		}
		finally {
			fontHolder.close();
		}
	}

	private int allocate() {
		return nextObject++;
	}

	private void begin(int object) throws IOException {
		if (object >= offsets.length) {
			offsets = Arrays.copyOf(offsets, Math.max(object + 1, offsets.length * 2));
		}
		offsets[object] = out.count;
		ascii(object + " 0 obj\n");
	}

	private void end() throws IOException {
		ascii("\nendobj\n");
	}

	/** Writes what {@link #operators} holds as a compressed stream object. */
	private int writeStream() throws IOException {
		deflated.reset();
		deflater.reset();
		try (DeflaterOutputStream compressing = new DeflaterOutputStream(deflated, deflater, 8192)) {
			operators.writeTo(compressing);
		}
		int object = allocate();
		begin(object);
		ascii("<< /Length " + deflated.size() + " /Filter /FlateDecode >>\nstream\n");
		deflated.writeTo(out);
		ascii("\nendstream");
		end();
		return object;
	}

	private void ascii(String text) throws IOException {
		out.write(text.getBytes(StandardCharsets.ISO_8859_1));
	}

	private static String number(float value) {
		return value == Math.rint(value) ? Long.toString((long) value) : Float.toString(value);
	}

	/** Copies PDFBox's objects: dictionaries and arrays inline, streams as objects of their own. */
	private final class Objects {

		private final Map<COSBase, Integer> indirect = new IdentityHashMap<>();

		private final Deque<COSStream> pending = new ArrayDeque<>();

		void write(COSBase value, boolean top) throws IOException {
			COSBase object = value instanceof COSObject reference ? reference.getObject() : value;
			if (!top && object != null) {
				Integer number = indirect.get(object);
				if (number == null && object instanceof COSStream stream) {
					number = allocate();
					indirect.put(stream, number);
					pending.add(stream);
				}
				if (number != null) {
					ascii(number + " 0 R");
					return;
				}
			}
			if (object == null || object instanceof COSNull) {
				ascii("null");
			}
			else if (object instanceof COSStream stream) {
				byte[] raw;
				try (InputStream in = stream.createRawInputStream()) {
					raw = in.readAllBytes();
				}
				ascii("<<");
				for (Map.Entry<COSName, COSBase> entry : stream.entrySet()) {
					if (!COSName.LENGTH.equals(entry.getKey())) {
						entry.getKey().writePDF(out);
						ascii(" ");
						write(entry.getValue(), false);
						ascii(" ");
					}
				}
				ascii("/Length " + raw.length + " >>\nstream\n");
				out.write(raw);
				ascii("\nendstream");
			}
			else if (object instanceof COSDictionary dictionary) {
				ascii("<<");
				for (Map.Entry<COSName, COSBase> entry : dictionary.entrySet()) {
					entry.getKey().writePDF(out);
					ascii(" ");
					write(entry.getValue(), false);
					ascii(" ");
				}
				ascii(">>");
			}
			else if (object instanceof COSArray array) {
				ascii("[");
				for (int i = 0; i < array.size(); i++) {
					write(array.get(i), false);
					ascii(" ");
				}
				ascii("]");
			}
			else if (object instanceof COSString string) {
				COSWriter.writeString(string, out);
			}
			else if (object instanceof COSName name) {
				name.writePDF(out);
			}
			else if (object instanceof COSInteger integer) {
				integer.writePDF(out);
			}
			else if (object instanceof COSFloat real) {
				real.writePDF(out);
			}
			else if (object instanceof COSBoolean bool) {
				bool.writePDF(out);
			}
			else {
				throw new IOException("Cannot copy a " + object.getClass().getSimpleName() + " into the PDF");
			}
		}

		/** Writes the streams that the objects written so far refer to. */
		void drain() throws IOException {
			while (!pending.isEmpty()) {
				COSStream stream = pending.poll();
				begin(indirect.get(stream));
				write(stream, true);
				end();
			}
		}

	}

	private static final class Counting extends FilterOutputStream {

		long count;

		Counting(OutputStream out) {
			super(out);
		}

		@Override
		public void write(int b) throws IOException {
			out.write(b);
			count++;
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			out.write(b, off, len);
			count += len;
		}

	}

}
