package chengguan.platform.documents;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/** QR codes for printed cards; level M tolerates some dirt and wear on a notice board. */
public final class QrCodes {

	private QrCodes() {
	}

	public static BufferedImage image(String text, int pixels) {
		try {
			return MatrixToImageWriter.toBufferedImage(new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, pixels,
					pixels, Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.CHARACTER_SET,
							StandardCharsets.UTF_8.name(), EncodeHintType.MARGIN, 2)));
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("Text too long for a QR code: " + text.length() + " characters", ex);
		}
	}

	public static byte[] png(String text, int pixels) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image(text, pixels), "png", out);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not write a PNG in memory", ex);
		}
		return out.toByteArray();
	}

}
