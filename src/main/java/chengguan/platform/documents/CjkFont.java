package chengguan.platform.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * WenQuanYi Micro Hei (Apache-2.0), shipped inside the jar so that PDFs render Chinese on any machine. PDFBox
 * embeds only the glyphs a document uses. Noto CJK cannot be used: PDFBox does not embed CFF outlines.
 * <p>
 * Parsing the 5 MB collection cost about a third of a notice card's time, so parsed fonts are kept and lent out.
 * FontBox's {@link TrueTypeFont} reads its tables lazily from one shared buffer and is not safe for concurrent use,
 * so each parsed font serves one document at a time: a document borrows one for its whole life (PDFBox subsets
 * the font while saving) and gives it back when closed. The pool is small and bounded, which also bounds how
 * many PDFs are built at once — the heap a burst of PDF requests can take no longer grows with the number of
 * request threads.
 */
public final class CjkFont {

	private static final String RESOURCE = "/fonts/wqy-microhei.ttc";

	private static final String NAME = "WenQuanYiMicroHei";

	/** Each parsed font holds the 5 MB file once; more PDFs at once than cores would only queue for the CPU. */
	private static final int POOL_SIZE = Math.max(2, Runtime.getRuntime().availableProcessors());

	/** A request waits this long for a font before it is refused (then the platform is saturated with PDFs). */
	private static final long WAIT_SECONDS = 30;

	private static final Semaphore lendable = new Semaphore(POOL_SIZE, true);

	private static final Queue<Parsed> idle = new ConcurrentLinkedQueue<>();

	private record Parsed(TrueTypeCollection collection, TrueTypeFont font) {
	}

	private CjkFont() {
	}

	/**
	 * Loads the font into the document. Close the returned handle after saving the document (try-with-resources
	 * around the save does it): that gives the parsed font back.
	 */
	public static Loaded load(PDDocument document) {
		Parsed parsed = borrow();
		try {
			return new Loaded(PDType0Font.load(document, parsed.font(), true), parsed);
		}
		catch (IOException | RuntimeException ex) {
			giveBack(parsed);
			throw ex instanceof IOException io ? new UncheckedIOException("Could not load the CJK font", io)
					: (RuntimeException) ex;
		}
	}

	/** A document's use of a pooled font; closing it returns the font to the pool (once). */
	public static final class Loaded implements AutoCloseable {

		private final PDType0Font font;

		private Parsed parsed;

		private Loaded(PDType0Font font, Parsed parsed) {
			this.font = font;
			this.parsed = parsed;
		}

		public PDType0Font font() {
			return font;
		}

		@Override
		public void close() {
			Parsed lent = parsed;
			parsed = null;
			if (lent != null) {
				giveBack(lent);
			}
		}

	}

	private static Parsed borrow() {
		try {
			if (!lendable.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
				throw new DocumentsBusyException("No CJK font free after " + WAIT_SECONDS + " s: too many PDFs at once");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DocumentsBusyException("Interrupted while waiting for the CJK font");
		}
		Parsed parsed = idle.poll();
		if (parsed != null) {
			return parsed;
		}
		try {
			return parse();
		}
		catch (IOException | RuntimeException ex) {
			lendable.release();
			throw ex instanceof IOException io ? new UncheckedIOException("Could not load the CJK font", io)
					: (RuntimeException) ex;
		}
	}

	private static void giveBack(Parsed parsed) {
		idle.offer(parsed);
		lendable.release();
	}

	/** The collection stays open for as long as the font is pooled: the font reads its glyphs from it. */
	private static Parsed parse() throws IOException {
		try (InputStream in = CjkFont.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IOException(RESOURCE + " is missing from the classpath");
			}
			TrueTypeCollection collection = new TrueTypeCollection(in);
			return new Parsed(collection, collection.getFontByName(NAME));
		}
	}

}
