package chengguan.organization;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.function.LongFunction;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.springframework.stereotype.Component;

import chengguan.platform.documents.CjkFont;
import chengguan.platform.documents.PdfText;
import chengguan.platform.documents.QrCodes;

/** The printable A4 公示牌: who serves the community, how to reach them, and the QR code to report a problem. */
@Component
public class NoticeCardPdf {

	public static final Map<String, String> ROLE_NAMES = Map.of("RESPONSIBLE", "城管进社区负责人", "LIAISON", "社区联络员");

	private static final float MARGIN = 48;

	/**
	 * @param photos   staff id → the JPEG of someone on the card (or null)
	 * @param reportUrl the address the QR code opens
	 */
	public void write(NoticeCard card, String reportUrl, LongFunction<byte[]> photos, OutputStream out)
			throws IOException {
		try (PDDocument document = new PDDocument(); CjkFont.Loaded cjk = CjkFont.load(document)) {
			PDType0Font font = cjk.font();
			PDPage page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			document.getDocumentInformation().setTitle(card.community().name() + " 城管进社区公示牌");
			float width = page.getMediaBox().getWidth();
			float y = page.getMediaBox().getHeight() - MARGIN;
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				content.setNonStrokingColor(0.04f, 0.33f, 0.58f);
				content.addRect(0, y - 18, width, 64);
				content.fill();
				content.setNonStrokingColor(1f, 1f, 1f);
				centered(content, font, 26, "城市管理进社区 · 公示牌", width, y);
				content.setNonStrokingColor(0f, 0f, 0f);
				y -= 58;
				centered(content, font, 20, card.streetName() + " " + card.community().name(), width, y);
				y -= 30;

				for (NoticeCard.Person person : card.people()) {
					float top = y;
					byte[] photo = person.hasPhoto() ? photos.apply(person.staffId()) : null;
					if (photo != null) {
						PDImageXObject image = JPEGFactory.createFromByteArray(document, photo);
						content.drawImage(image, MARGIN, top - 96, 76, 96);
					}
					else {
						content.setStrokingColor(0.7f, 0.7f, 0.7f);
						content.addRect(MARGIN, top - 96, 76, 96);
						content.stroke();
					}
					float textX = MARGIN + 92;
					float textWidth = width - textX - MARGIN;
					text(content, font, 16, person.name() + "  " + ROLE_NAMES.getOrDefault(person.role(), "社区联络员"),
							textX, top - 16);
					text(content, font, 12, nullToEmpty(person.unitName()) + " " + nullToEmpty(person.positionTitle()),
							textX, top - 36);
					text(content, font, 12, "联系电话：" + nullToEmpty(person.phone()), textX, top - 54);
					float lineY = top - 72;
					for (String line : PdfText.wrap(font, 11, "服务职责：" + nullToEmpty(person.duties()), textWidth, 2)) {
						text(content, font, 11, line, textX, lineY);
						lineY -= 15;
					}
					y = top - 112;
				}

				if (card.supervisionPhone() != null) {
					centered(content, font, 14, "监督电话：" + card.supervisionPhone(), width, y - 6);
				}
				float qrSize = 190;
				PDImageXObject qr = LosslessFactory.createFromImage(document, QrCodes.image(reportUrl, 600));
				content.drawImage(qr, (width - qrSize) / 2, MARGIN + 40, qrSize, qrSize);
				centered(content, font, 15, "微信或手机相机扫码，随手反映城市管理问题", width, MARGIN + 22);
				centered(content, font, 9, reportUrl, width, MARGIN + 6);
			}
			document.save(out);
		}
	}

	private static void centered(PDPageContentStream content, PDType0Font font, float size, String text, float pageWidth,
			float y) throws IOException {
		PdfText.centered(content, font, size, text, 0, pageWidth, y);
	}

	private static void text(PDPageContentStream content, PDType0Font font, float size, String text, float x, float y)
			throws IOException {
		PdfText.show(content, font, size, text, x, y);
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value.replace('\n', ' ').replace('\r', ' ');
	}

}
