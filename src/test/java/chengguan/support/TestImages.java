package chengguan.support;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

/** Images as phones send them, built in memory. */
public final class TestImages {

	private TestImages() {
	}

	/** Left half blue, right half transparent. */
	public static byte[] png(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
		for (int x = 0; x < width; x++) {
			for (int y = 0; y < height; y++) {
				image.setRGB(x, y, x < width / 2 ? Color.BLUE.getRGB() : 0x00000000);
			}
		}
		return write(image, "png");
	}

	/**
	 * A JPEG with a well-formed EXIF block (big-endian TIFF): IFD0 with Make/Model "Apple iPhone 15", the orientation
	 * tag and a pointer to a GPS IFD holding latitude 34°52'N — what a phone camera writes.
	 */
	public static byte[] jpegWithExif(int width, int height, int orientation) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		for (int x = 0; x < width; x++) {
			for (int y = 0; y < height; y++) {
				image.setRGB(x, y, y < height / 2 ? Color.RED.getRGB() : Color.WHITE.getRGB());
			}
		}
		byte[] jpeg = write(image, "jpeg");
		byte[] tiff = exifTiff(orientation);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(jpeg, 0, 2);
		int length = 2 + 6 + tiff.length;
		out.write(0xFF);
		out.write(0xE1);
		out.write(length >> 8);
		out.write(length & 0xFF);
		out.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
		out.writeBytes(tiff);
		out.write(jpeg, 2, jpeg.length - 2);
		return out.toByteArray();
	}

	private static byte[] exifTiff(int orientation) {
		byte[] model = "iPhone 15\0".getBytes(StandardCharsets.ISO_8859_1);
		ByteBuffer b = ByteBuffer.allocate(256);
		b.put(new byte[] { 'M', 'M', 0, 42 }).putInt(8);
		// IFD0 at 8: 3 entries, then next-IFD 0; data area after it
		int ifd0 = 8;
		int ifd0End = ifd0 + 2 + 3 * 12 + 4;
		int modelAt = ifd0End;
		int gpsAt = modelAt + model.length;
		b.putShort((short) 3);
		entry(b, 0x0110, 2, model.length, modelAt); // Model, ASCII
		b.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
		entry(b, 0x8825, 4, 1, gpsAt); // GPS IFD pointer
		b.putInt(0);
		b.put(model);
		// GPS IFD: 2 entries
		int gpsEnd = gpsAt + 2 + 2 * 12 + 4;
		b.putShort((short) 2);
		b.putShort((short) 0x0001).putShort((short) 2).putInt(2).put(new byte[] { 'N', 0, 0, 0 }); // GPSLatitudeRef
		entry(b, 0x0002, 5, 3, gpsEnd); // GPSLatitude, 3 rationals
		b.putInt(0);
		b.putInt(34).putInt(1).putInt(52).putInt(1).putInt(1234).putInt(100);
		byte[] tiff = new byte[b.position()];
		b.flip();
		b.get(tiff);
		return tiff;
	}

	private static void entry(ByteBuffer b, int tag, int type, int count, int valueOffset) {
		b.putShort((short) tag).putShort((short) type).putInt(count).putInt(valueOffset);
	}

	private static byte[] write(BufferedImage image, String format) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, format, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
