package chengguan.engagement;

import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import chengguan.platform.documents.CjkFont;
import chengguan.platform.documents.PdfText;
import chengguan.platform.documents.QrCodes;

/** The printable A4 poster of a survey for one community: title, introduction, period and the QR code to answer. */
public final class SurveyPoster {

	private static final float MARGIN = 56;

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private SurveyPoster() {
	}

	/** @param url the address the QR code opens: /s/{surveyCode}/{communityCode} */
	public static void write(Survey survey, Survey.Community community, String url, OutputStream out)
			throws IOException {
		try (PDDocument document = new PDDocument(); CjkFont.Loaded cjk = CjkFont.load(document)) {
			PDType0Font font = cjk.font();
			PDPage page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			document.getDocumentInformation().setTitle(survey.title() + " · " + community.name());
			float width = page.getMediaBox().getWidth();
			float y = page.getMediaBox().getHeight() - MARGIN;
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				content.setNonStrokingColor(0.04f, 0.33f, 0.58f);
				content.addRect(0, y - 18, width, 64);
				content.fill();
				content.setNonStrokingColor(1f, 1f, 1f);
				PdfText.centered(content, font, 24, "城市管理进社区 · 满意度调查", 0, width, y);
				content.setNonStrokingColor(0f, 0f, 0f);
				y -= 64;
				for (String line : PdfText.wrap(font, 20, survey.title(), width - 2 * MARGIN, 3)) {
					PdfText.centered(content, font, 20, line, 0, width, y);
					y -= 28;
				}
				PdfText.centered(content, font, 16, community.name(), 0, width, y);
				y -= 36;
				if (survey.intro() != null) {
					for (String line : PdfText.wrap(font, 13, survey.intro(), width - 2 * MARGIN, 6)) {
						PdfText.show(content, font, 13, line, MARGIN, y);
						y -= 20;
					}
				}
				y -= 8;
				PdfText.centered(content, font, 13, "调查时间：" + DATE.format(survey.startDate()) + " 至 "
						+ DATE.format(survey.endDate()), 0, width, y);
				float qrSize = 240;
				PDImageXObject qr = LosslessFactory.createFromImage(document, QrCodes.image(url, 720));
				content.drawImage(qr, (width - qrSize) / 2, MARGIN + 70, qrSize, qrSize);
				PdfText.centered(content, font, 16, "微信或手机相机扫码，匿名填写问卷", 0, width, MARGIN + 46);
				PdfText.centered(content, font, 11, "每部手机限填一次，约需 2 分钟", 0, width, MARGIN + 26);
				PdfText.centered(content, font, 9, url, 0, width, MARGIN + 8);
			}
			document.save(out);
		}
	}

}
