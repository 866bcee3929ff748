package chengguan.platform.storage;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import chengguan.platform.web.UserFacingException;

/**
 * Accepts a JPEG or PNG photo judged by its content, not its name or declared type, and returns a freshly
 * encoded JPEG: turned upright as the camera's EXIF orientation says, scaled to a sane size, and free of
 * everything but pixels (EXIF GPS position and device data are not copied, nor anything hidden after the image).
 */
@Component
public class ImageNormalizer {

	public static final String OUTPUT_TYPE = "image/jpeg";

	private static final byte[] JPEG_MAGIC = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

	private static final byte[] PNG_MAGIC = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private final UploadProperties limits;

	ImageNormalizer(UploadProperties limits) {
		this.limits = limits;
	}

	public byte[] normalize(byte[] upload) {
		if (upload == null || upload.length == 0) {
			throw new UserFacingException(HttpStatus.BAD_REQUEST, "upload.image.empty");
		}
		if (upload.length > limits.maxImageBytes()) {
			throw new UserFacingException(HttpStatus.PAYLOAD_TOO_LARGE, "upload.image.tooLarge",
					limits.maxImageBytes() / (1024 * 1024));
		}
		String format = startsWith(upload, JPEG_MAGIC) ? "jpeg" : startsWith(upload, PNG_MAGIC) ? "png" : null;
		if (format == null) {
			throw new UserFacingException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "upload.image.wrongType");
		}
		BufferedImage decoded = decode(upload, format);
		if ("jpeg".equals(format)) {
			decoded = ExifOrientation.upright(decoded, ExifOrientation.read(upload));
		}
		return encodeJpeg(scaleToRgb(decoded));
	}

	private BufferedImage decode(byte[] upload, String format) {
		Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
		if (!readers.hasNext()) {
			throw new IllegalStateException("No ImageIO reader for " + format);
		}
		ImageReader reader = readers.next();
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
			reader.setInput(input, true, true);
			long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
			if (pixels > limits.maxImagePixels()) {
				throw new UserFacingException(HttpStatus.PAYLOAD_TOO_LARGE, "upload.image.tooManyPixels");
			}
			return reader.read(0);
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof UserFacingException userFacing) {
				throw userFacing;
			}
			throw new UserFacingException(HttpStatus.BAD_REQUEST, "upload.image.unreadable");
		}
		finally {
			reader.dispose();
		}
	}

	private BufferedImage scaleToRgb(BufferedImage source) {
		double scale = Math.min(1.0, (double) limits.maxImageEdge() / Math.max(source.getWidth(), source.getHeight()));
		int width = Math.max(1, (int) Math.round(source.getWidth() * scale));
		int height = Math.max(1, (int) Math.round(source.getHeight() * scale));
		BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = target.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			g.setColor(Color.WHITE); // transparent PNG areas become white, not black
			g.fillRect(0, 0, width, height);
			g.drawImage(source, 0, 0, width, height, null);
		}
		finally {
			g.dispose();
		}
		return target;
	}

	private static byte[] encodeJpeg(BufferedImage image) {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ImageOutputStream output = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(output);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(0.85f);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not encode a JPEG in memory", ex);
		}
		finally {
			writer.dispose();
		}
		return out.toByteArray();
	}

	private static boolean startsWith(byte[] data, byte[] prefix) {
		return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
	}

}
