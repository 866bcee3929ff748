package chengguan.account;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;

import javax.imageio.ImageIO;

/**
 * A small arithmetic CAPTCHA drawn with Java2D ("7 + 5 = ?"), made here rather than by an outside service: the
 * platform runs on government networks that reach nothing outside. Sums of two one-digit numbers are easy for a
 * person on a phone; skewed glyphs and noise lines keep off the simplest OCR scripts. It only has to make guessing
 * costly together with the per-address blocks, not stop a determined human.
 */
final class CaptchaImage {

	private static final int WIDTH = 150;

	private static final int HEIGHT = 50;

	private static final SecureRandom RANDOM = new SecureRandom();

	/** The jar's own font, so that the image looks the same on a server without font packages. */
	private static volatile Font font;

	private CaptchaImage() {
	}

	record Puzzle(String question, String answer) {
	}

	static Puzzle newPuzzle() {
		int a = 1 + RANDOM.nextInt(9);
		int b = 1 + RANDOM.nextInt(9);
		if (RANDOM.nextBoolean() && a != b) {
			return new Puzzle(Math.max(a, b) + " - " + Math.min(a, b) + " = ?", String.valueOf(Math.abs(a - b)));
		}
		return new Puzzle(a + " + " + b + " = ?", String.valueOf(a + b));
	}

	static byte[] png(String question) {
		BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setColor(new Color(245, 247, 250));
			g.fillRect(0, 0, WIDTH, HEIGHT);
			for (int i = 0; i < 6; i++) {
				g.setColor(randomColor(120, 200));
				g.setStroke(new BasicStroke(1 + RANDOM.nextFloat()));
				g.drawLine(RANDOM.nextInt(WIDTH), RANDOM.nextInt(HEIGHT), RANDOM.nextInt(WIDTH), RANDOM.nextInt(HEIGHT));
			}
			Font base = font().deriveFont(Font.BOLD, 28f);
			int x = 8;
			for (char c : question.toCharArray()) {
				if (c == ' ') {
					x += 6;
					continue;
				}
				AffineTransform skew = new AffineTransform();
				skew.rotate((RANDOM.nextDouble() - 0.5) * 0.6);
				skew.shear((RANDOM.nextDouble() - 0.5) * 0.4, 0);
				g.setFont(base.deriveFont(skew));
				g.setColor(randomColor(20, 100));
				g.drawString(String.valueOf(c), x, 34 + RANDOM.nextInt(7) - 3);
				x += 17 + RANDOM.nextInt(4);
			}
			for (int i = 0; i < 60; i++) {
				g.setColor(randomColor(100, 220));
				g.fillRect(RANDOM.nextInt(WIDTH), RANDOM.nextInt(HEIGHT), 2, 2);
			}
		}
		finally {
			g.dispose();
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static Color randomColor(int from, int to) {
		return new Color(from + RANDOM.nextInt(to - from), from + RANDOM.nextInt(to - from), from + RANDOM.nextInt(to - from));
	}

	private static Font font() {
		Font loaded = font;
		if (loaded == null) {
			try (InputStream in = CaptchaImage.class.getResourceAsStream("/fonts/wqy-microhei.ttc")) {
				loaded = in == null ? new Font(Font.SANS_SERIF, Font.BOLD, 28) : Font.createFonts(in)[0];
			}
			catch (IOException | FontFormatException ex) {
				loaded = new Font(Font.SANS_SERIF, Font.BOLD, 28);
			}
			font = loaded;
		}
		return loaded;
	}

}
