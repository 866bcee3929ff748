package chengguan.organization;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
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
import chengguan.support.TestImages;

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
		upload("photo.png", TestImages.png(120, 90)).andExpect(status().is3xxRedirection());

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
		upload("phone.jpg", TestImages.jpegWithExif(64, 48, 1)).andExpect(status().is3xxRedirection());
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
		System.arraycopy(TestImages.png(2, 2), 0, large, 0, 8);
		upload("big.png", large).andExpect(status().isPayloadTooLarge())
			.andExpect(content().string(containsString("不能超过 5 MB")));
	}

	@Test
	void aBrokenImageIsRefusedNotAServerError() throws Exception {
		byte[] truncated = java.util.Arrays.copyOf(TestImages.png(50, 50), 40);
		upload("broken.png", truncated).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("无法读取该照片")));
	}

	@Test
	void onlyAdministratorsUpload() throws Exception {
		mvc.perform(multipart("/org/staff/" + staffId + "/photo").file(new MockMultipartFile("photo", "p.png",
				"image/png", TestImages.png(10, 10))).with(accounts.as("leader")).with(csrf())).andExpect(status().isForbidden());
	}

	private org.springframework.test.web.servlet.ResultActions upload(String name, byte[] content) throws Exception {
		return mvc.perform(multipart("/org/staff/" + staffId + "/photo")
			.file(new MockMultipartFile("photo", name, "image/png", content))
			.with(accounts.as("admin"))
			.with(csrf()));
	}

}
