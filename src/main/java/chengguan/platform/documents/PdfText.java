package chengguan.platform.documents;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Text on PDF pages in Chinese: fitting it into a width (Chinese breaks at any character) and keeping out what the
 * embedded font cannot draw (emoji, control characters), which would otherwise fail the whole document.
 */
public final class PdfText {

	private static final char MISSING = '□';

	private PdfText() {
	}

	/** The width of {@code text} at {@code size} points. */
	public static float width(PDFont font, float size, String text) throws IOException {
		return font.getStringWidth(printable(font, text)) / 1000 * size;
	}

	/** {@code text} with line breaks as spaces and every character the font lacks as □. */
	public static String printable(PDFont font, String text) {
		if (text == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints().forEach(codePoint -> {
			if (codePoint == '\n' || codePoint == '\r' || codePoint == '\t') {
				out.append(' ');
			}
			else if (Character.isISOControl(codePoint) || !drawable(font, codePoint)) {
				out.append(MISSING);
			}
			else {
				out.appendCodePoint(codePoint);
			}
		});
		return out.toString();
	}

	private static boolean drawable(PDFont font, int codePoint) {
		try {
			font.encode(new String(Character.toChars(codePoint)));
			return true;
		}
		catch (IllegalArgumentException | IOException ex) {
			return false;
		}
	}

	/**
	 * Breaks text to fit the width, at any character; with {@code maxLines > 0} the last line ends with … when the
	 * text is cut.
	 */
	public static List<String> wrap(PDFont font, float size, String text, float width, int maxLines) throws IOException {
		String printable = printable(font, text);
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		float lineWidth = 0;
		int i = 0;
		while (i < printable.length()) {
			int codePoint = printable.codePointAt(i);
			String character = new String(Character.toChars(codePoint));
			float charWidth = font.getStringWidth(character) / 1000 * size;
			if (lineWidth + charWidth > width && !line.isEmpty()) {
				if (maxLines > 0 && lines.size() == maxLines - 1) {
					line.setLength(Math.max(0, line.length() - 1));
					lines.add(line.append('…').toString());
					return lines;
				}
				lines.add(line.toString());
				line.setLength(0);
				lineWidth = 0;
			}
			line.append(character);
			lineWidth += charWidth;
			i += character.length();
		}
		if (!line.isEmpty() || lines.isEmpty()) {
			lines.add(line.toString());
		}
		return lines;
	}

	/** Draws one line of already printable text with its baseline at (x, y). */
	public static void show(PDPageContentStream content, PDFont font, float size, String text, float x, float y)
			throws IOException {
		content.beginText();
		content.setFont(font, size);
		content.newLineAtOffset(x, y);
		content.showText(printable(font, text));
		content.endText();
	}

	/** Draws one line centred between {@code left} and {@code right}. */
	public static void centered(PDPageContentStream content, PDFont font, float size, String text, float left,
			float right, float y) throws IOException {
		show(content, font, size, text, left + (right - left - width(font, size, text)) / 2, y);
	}

}
