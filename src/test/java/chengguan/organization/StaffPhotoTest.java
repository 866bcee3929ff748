package chengguan.organization;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import chengguan.support.IntegrationTest;
import chengguan.support.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class StaffPhotoTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	private long staffId;

	@BeforeEach
	void pickAStaffMember() {
		staffId = jdbc.sql("SELECT id FROM staff WHERE phone = '13800001001'").query(Long.class).single();
	}

	@Test
	void aPngIsStoredAsAFreshJpegOfTheSameSize() throws Exception {
		upload("photo.png", png(120, 90)).andExpect(status().is3xxRedirection());

		byte[] stored = mvc.perform(get("/org/staff/" + staffId + "/photo").with(accounts.as("admin")))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/jpeg"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(stored));
		assertThat(image.getWidth()).isEqualTo(120);
		assertThat(image.getHeight()).isEqualTo(90);
	}

	@Test
	void exifLocationAndDeviceDataAreNotKept() throws Exception {
		upload("phone.jpg", jpegWithExif()).andExpect(status().is3xxRedirection());
		byte[] stored = mvc.perform(get("/org/staff/" + staffId + "/photo").with(accounts.as("admin")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String asText = new String(stored, StandardCharsets.ISO_8859_1);
		assertThat(asText).doesNotContain("Exif").doesNotContain("GPSLatitude").doesNotContain("iPhone");
	}

	@Test
	void aTextFileNamedPngIsRefusedByItsContent() throws Exception {
		upload("photo.png", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(content().string(containsString("只能上传 JPEG 或 PNG")));
	}

	@Test
	void aPhotoOverFiveMegabytesIsRefused() throws Exception {
		byte[] large = new byte[5 * 1024 * 1024 + 1];
		System.arraycopy(png(2, 2), 0, large, 0, 8);
		upload("big.png", large).andExpect(status().isPayloadTooLarge())
			.andExpect(content().string(containsString("不能超过 5 MB")));
	}

	@Test
	void aBrokenImageIsRefusedNotAServerError() throws Exception {
		byte[] truncated = java.util.Arrays.copyOf(png(50, 50), 40);
		upload("broken.png", truncated).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("无法读取该照片")));
	}

	@Test
	void onlyAdministratorsUpload() throws Exception {
		mvc.perform(multipart("/org/staff/" + staffId + "/photo").file(new MockMultipartFile("photo", "p.png",
				"image/png", png(10, 10))).with(accounts.as("leader")).with(csrf())).andExpect(status().isForbidden());
	}

	private org.springframework.test.web.servlet.ResultActions upload(String name, byte[] content) throws Exception {
		return mvc.perform(multipart("/org/staff/" + staffId + "/photo")
			.file(new MockMultipartFile("photo", name, "image/png", content))
			.with(accounts.as("admin"))
			.with(csrf()));
	}

	private static byte[] png(int width, int height) throws Exception {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
		for (int x = 0; x < width; x++) {
			for (int y = 0; y < height; y++) {
				image.setRGB(x, y, x < width / 2 ? Color.BLUE.getRGB() : 0x00000000);
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	/** A JPEG with an APP1 Exif segment carrying GPS and device text right after the SOI marker. */
	private static byte[] jpegWithExif() throws Exception {
		BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream plain = new ByteArrayOutputStream();
		ImageIO.write(image, "jpeg", plain);
		byte[] jpeg = plain.toByteArray();
		byte[] payload = "Exif\0\0MM\0*GPSLatitude 34.87N GPSLongitude 117.38E Model iPhone 15"
			.getBytes(StandardCharsets.ISO_8859_1);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(jpeg, 0, 2);
		out.write(0xFF);
		out.write(0xE1);
		int length = payload.length + 2;
		out.write(length >> 8);
		out.write(length & 0xFF);
		out.write(payload);
		out.write(jpeg, 2, jpeg.length - 2);
		return out.toByteArray();
	}

}
