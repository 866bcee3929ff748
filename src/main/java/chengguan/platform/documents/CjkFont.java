package chengguan.platform.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * WenQuanYi Micro Hei (Apache-2.0), shipped inside the jar so that PDFs render Chinese on any machine. PDFBox
 * embeds only the glyphs a document uses. Noto CJK cannot be used: PDFBox does not embed CFF outlines.
 */
public final class CjkFont {

	private static final String RESOURCE = "/fonts/wqy-microhei.ttc";

	private static final String NAME = "WenQuanYiMicroHei";

	private static volatile byte[] collection;

	private CjkFont() {
	}

	/** Loads the font into the document; the caller closes the returned collection after saving. */
	public static Loaded load(PDDocument document) {
		try {
			TrueTypeCollection fonts = new TrueTypeCollection(new ByteArrayInputStream(bytes()));
			TrueTypeFont font = fonts.getFontByName(NAME);
			return new Loaded(PDType0Font.load(document, font, true), fonts);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not load the CJK font", ex);
		}
	}

	public record Loaded(PDType0Font font, TrueTypeCollection collection) implements AutoCloseable {

		@Override
		public void close() throws IOException {
			collection.close();
		}

	}

	private static byte[] bytes() throws IOException {
		byte[] cached = collection;
		if (cached == null) {
			try (InputStream in = CjkFont.class.getResourceAsStream(RESOURCE)) {
				if (in == null) {
					throw new IOException(RESOURCE + " is missing from the classpath");
				}
				cached = in.readAllBytes();
				collection = cached;
			}
		}
		return cached;
	}

}
