package chengguan.organization;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import chengguan.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 公示牌: who serves the community, how to reach them, and the QR code to report — as a page and as A4 PDF. */
@IntegrationTest
class NoticeCardTest {

	static final String DEREN = "370471001001";

	@Autowired
	MockMvc mvc;

	@Autowired
	NoticeCardService cards;

	@Autowired
	JdbcClient jdbc;

	@Test
	void thePublicPageNamesTheResponsibleOfficerAndLiaisonsWithoutSignIn() throws Exception {
		NoticeCard card = cards.forCommunity(DEREN).orElseThrow();
		assertThat(card.people()).isNotEmpty();
		assertThat(card.people().get(0).role()).isEqualTo("RESPONSIBLE");
		assertThat(card.supervisionPhone()).isNotBlank();
		var page = mvc.perform(get("/public/communities/" + DEREN))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("德仁社区")))
			.andExpect(content().string(containsString(card.supervisionPhone())))
			.andExpect(content().string(containsString("/public/places/" + DEREN + "/qr.png")));
		for (NoticeCard.Person person : card.people()) {
			page.andExpect(content().string(containsString(person.name())))
				.andExpect(content().string(containsString(person.phone())));
		}
		mvc.perform(get("/public/communities/370471001")).andExpect(status().isNotFound()); // a street has no card
	}

	@Test
	void theA4PdfEmbedsAChineseFontAndCarriesAReadableQrCode() throws Exception {
		NoticeCard card = cards.forCommunity(DEREN).orElseThrow();
		byte[] pdf = mvc.perform(get("/public/communities/" + DEREN + "/card.pdf"))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"))
			.andReturn().getResponse().getContentAsByteArray();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isEqualTo(1);
			PDPage page = document.getPage(0);
			assertThat(page.getMediaBox().getWidth()).isCloseTo(595f, org.assertj.core.data.Offset.offset(1f));
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("德仁社区", "兴仁街道", card.people().get(0).name(), card.people().get(0).phone(),
					"监督电话");
			List<PDFont> fonts = new ArrayList<>();
			for (var name : page.getResources().getFontNames()) {
				fonts.add(page.getResources().getFont(name));
			}
			assertThat(fonts).isNotEmpty().allSatisfy(font -> assertThat(font.isEmbedded()).isTrue());
			assertThat(fonts).anySatisfy(font -> assertThat(font.getName()).contains("WenQuanYi"));
			boolean hasImage = false;
			for (var name : page.getResources().getXObjectNames()) {
				hasImage |= page.getResources().getXObject(name) instanceof PDImageXObject;
			}
			assertThat(hasImage).isTrue();
			BufferedImage rendered = new PDFRenderer(document).renderImageWithDPI(0, 150);
			String decoded = new QRCodeReader()
				.decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(rendered))))
				.getText();
			assertThat(decoded).endsWith("/r/" + DEREN);
		}
	}

	@Autowired
	NoticeCardPrints prints;

	@Test
	void theCardIsBuiltOncePerContentVersionRevalidatesWithItsETagAndAChangedAssignmentChangesIt() throws Exception {
		String url = "/public/communities/" + DEREN + "/card.pdf";
		var first = mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse();
		String etag = first.getHeader("ETag");
		assertThat(etag).matches("\"[0-9a-f]{32}\"");
		assertThat(first.getHeader("Cache-Control")).contains("no-cache").doesNotContain("no-store");
		long builds = prints.builds();

		mvc.perform(get(url).header("If-None-Match", etag))
			.andExpect(status().isNotModified())
			.andExpect(content().bytes(new byte[0]));
		byte[] again = mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		assertThat(again).isEqualTo(first.getContentAsByteArray());
		assertThat(prints.builds()).as("served from memory, not built again").isEqualTo(builds);

		String duties = jdbc.sql("""
				SELECT a.duties FROM community_assignment a JOIN region r ON r.id = a.community_id WHERE r.code = ?""")
			.param(DEREN)
			.query(String.class)
			.single();
		try {
			setDuties(duties + "（每周二接待）");
			var changed = mvc.perform(get(url).header("If-None-Match", etag))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse();
			assertThat(changed.getHeader("ETag")).isNotEqualTo(etag);
			assertThat(prints.builds()).isEqualTo(builds + 1);
			try (PDDocument document = Loader.loadPDF(changed.getContentAsByteArray())) {
				assertThat(new PDFTextStripper().getText(document)).contains("每周二接待");
			}
		}
		finally {
			setDuties(duties);
		}
		mvc.perform(get(url).header("If-None-Match", etag)).andExpect(status().isNotModified());
	}

	private void setDuties(String duties) {
		jdbc.sql("""
				UPDATE community_assignment SET duties = ?
				WHERE community_id = (SELECT id FROM region WHERE code = ?)""").params(duties, DEREN).update();
	}

	@Test
	void onlyThePhotosOfPeopleOnACardArePublic() throws Exception {
		long onCard = cards.forCommunity(DEREN).orElseThrow().people().get(0).staffId();
		Long notOnCard = jdbc.sql("""
				SELECT s.id FROM staff s WHERE NOT EXISTS (SELECT 1 FROM community_assignment a WHERE a.responsible_staff_id = s.id)
				  AND NOT EXISTS (SELECT 1 FROM community_team_member m WHERE m.staff_id = s.id AND m.team_role = 'LIAISON')
				ORDER BY s.id LIMIT 1""").query(Long.class).single();
		mvc.perform(get("/public/staff/" + notOnCard + "/photo")).andExpect(status().isNotFound());
		assertThat(cards.photoOnCard(notOnCard)).isEmpty();
		assertThat(onCard).isPositive();
	}

}
