package chengguan.platform.storage;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/**
 * Phones store photos sideways and say how to turn them in the EXIF orientation tag. Since the tag is dropped
 * with the rest of EXIF, the pixels are turned first.
 */
final class ExifOrientation {

	private static final int TAG_ORIENTATION = 0x0112;

	private ExifOrientation() {
	}

	/** The orientation (1–8) from a JPEG's APP1 Exif segment; 1 (upright) when absent or unreadable. */
	static int read(byte[] jpeg) {
		int offset = 2; // after SOI
		while (offset + 4 <= jpeg.length && (jpeg[offset] & 0xFF) == 0xFF) {
			int marker = jpeg[offset + 1] & 0xFF;
			int length = ((jpeg[offset + 2] & 0xFF) << 8) | (jpeg[offset + 3] & 0xFF);
			if (marker == 0xDA || length < 2) {
				break; // image data starts; no Exif before it
			}
			int start = offset + 4;
			if (marker == 0xE1 && start + 6 <= jpeg.length && jpeg[start] == 'E' && jpeg[start + 1] == 'x'
					&& jpeg[start + 2] == 'i' && jpeg[start + 3] == 'f') {
				return orientationInTiff(jpeg, start + 6, Math.min(jpeg.length, offset + 2 + length));
			}
			offset += 2 + length;
		}
		return 1;
	}

	private static int orientationInTiff(byte[] data, int tiff, int end) {
		if (tiff + 8 > end) {
			return 1;
		}
		boolean little = data[tiff] == 'I';
		int ifd = tiff + (int) unsigned(data, tiff + 4, 4, little);
		if (ifd < tiff || ifd + 2 > end) {
			return 1;
		}
		int entries = (int) unsigned(data, ifd, 2, little);
		for (int i = 0; i < entries; i++) {
			int entry = ifd + 2 + i * 12;
			if (entry + 12 > end) {
				return 1;
			}
			if (unsigned(data, entry, 2, little) == TAG_ORIENTATION) {
				int value = (int) unsigned(data, entry + 8, 2, little);
				return value >= 1 && value <= 8 ? value : 1;
			}
		}
		return 1;
	}

	private static long unsigned(byte[] data, int at, int bytes, boolean little) {
		long value = 0;
		for (int i = 0; i < bytes; i++) {
			int b = data[at + (little ? bytes - 1 - i : i)] & 0xFF;
			value = (value << 8) | b;
		}
		return value;
	}

	/** The image as it should be seen. */
	static BufferedImage upright(BufferedImage image, int orientation) {
		if (orientation <= 1) {
			return image;
		}
		int w = image.getWidth();
		int h = image.getHeight();
		boolean swap = orientation >= 5;
		AffineTransform t = new AffineTransform();
		switch (orientation) {
			case 2 -> { t.translate(w, 0); t.scale(-1, 1); }
			case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
			case 4 -> { t.translate(0, h); t.scale(1, -1); }
			case 5 -> { t.rotate(-Math.PI / 2); t.scale(-1, 1); }
			case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
			case 7 -> { t.scale(-1, 1); t.translate(-h, 0); t.translate(0, w); t.rotate(3 * Math.PI / 2); }
			case 8 -> { t.translate(0, w); t.rotate(3 * Math.PI / 2); }
			default -> { return image; }
		}
		BufferedImage turned = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = turned.createGraphics();
		try {
			g.drawImage(image, t, null);
		}
		finally {
			g.dispose();
		}
		return turned;
	}

}
