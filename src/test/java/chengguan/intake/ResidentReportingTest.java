package chengguan.intake;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import chengguan.platform.storage.FileStorage;
import chengguan.support.IntegrationTest;
import chengguan.support.TestImages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A resident's path: the QR code, the reporting page, the status page, and everything an attacker might send. */
@IntegrationTest
class ResidentReportingTest {

	static final String DEREN = "370471001001";

	/** 清理路边垃圾堆放 style leaf used throughout: any reportable leaf works. */
	static final String CATEGORY = "E0101";

	private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FileStorage files;

	/** Each test its own client address, so that the per-address limit of one test does not spill into another. */
	static RequestPostProcessor fromNewAddress() {
		String address = "10.1." + (ADDRESSES.get() / 250) + "." + (ADDRESSES.getAndIncrement() % 250 + 1);
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	@Test
	void theQrCodeOnTheNoticeCardOpensTheCommunitysReportingPage() throws Exception {
		byte[] png = mvc.perform(get("/public/places/" + DEREN + "/qr.png"))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/png"))
			.andReturn().getResponse().getContentAsByteArray();
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
		String decoded = new QRCodeReader()
			.decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
			.getText();
		assertThat(decoded).isEqualTo("http://localhost/r/" + DEREN);

		mvc.perform(get("/r/" + DEREN))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("德仁社区")))
			.andExpect(content().string(containsString("兴仁街道")))
			.andExpect(content().string(containsString("占道经营")));
	}

	@Test
	void anAnonymousResidentGetsNoServerSession() throws Exception {
		MvcResult page = mvc.perform(get("/r/" + DEREN)).andExpect(status().isOk()).andReturn();
		assertThat(page.getRequest().getSession(false)).isNull();
	}

	@Test
	void aReportWithAPhoneCameraPhotoIsStoredWithoutTheGpsPositionAndShownOnTheStatusPage() throws Exception {
		byte[] photo = TestImages.jpegWithExif(80, 40, 6);
		assertThat(new String(photo, StandardCharsets.ISO_8859_1)).contains("Exif", "iPhone");

		String location = submit(form("description", "小区东门口垃圾堆了三天没人清理", "latitude", "34.872345",
				"longitude", "117.381234", "accuracy", "12")
			.file(new MockMultipartFile("photos", "IMG_0001.jpg", "image/jpeg", photo)))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/t/*?submitted"))
			.andReturn().getResponse().getRedirectedUrl();
		String code = location.substring(3, 13);

		mvc.perform(get("/t/" + code))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(code)))
			.andExpect(content().string(containsString("待受理")))
			.andExpect(content().string(containsString("小区东门口垃圾堆了三天没人清理")));

		String fileId = jdbc.sql("""
				SELECT p.file_id FROM report_photo p JOIN report r ON r.id = p.report_id WHERE r.tracking_code = ?""")
			.param(code).query(String.class).single();
		byte[] stored = files.load(fileId).orElseThrow().content();
		String storedText = new String(stored, StandardCharsets.ISO_8859_1);
		assertThat(storedText).doesNotContain("Exif").doesNotContain("iPhone");
		BufferedImage upright = ImageIO.read(new ByteArrayInputStream(stored));
		// orientation 6 means "turn 90° clockwise": the 80×40 landscape sensor image becomes 40×80
		assertThat(upright.getWidth()).isEqualTo(40);
		assertThat(upright.getHeight()).isEqualTo(80);
		assertThat(jdbc.sql("SELECT channel FROM report WHERE tracking_code = ?").param(code).query(String.class).single())
			.isEqualTo("QR_CODE");
	}

	@Test
	void aRetriedSubmissionWithTheSameKeyMakesOneReport() throws Exception {
		String key = UUID.randomUUID().toString();
		RequestPostProcessor address = fromNewAddress();
		String first = submit(form("idempotencyKey", key), address).andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		String second = submit(form("idempotencyKey", key), address).andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		assertThat(second).isEqualTo(first);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM report WHERE idempotency_key = ?").param("r:" + key).query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void tooManyReportsFromOnePhoneAreRefusedWithAClearMessage() throws Exception {
		String phone = "139" + String.format("%08d", System.nanoTime() % 100_000_000);
		for (int i = 0; i < 10; i++) {
			submit(form("phone", phone)).andExpect(status().is3xxRedirection());
		}
		submit(form("phone", phone))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(content().string(containsString("提交过于频繁")));
	}

	@Test
	void tooManyReportsFromOneAddressAreRefused() throws Exception {
		RequestPostProcessor address = fromNewAddress();
		for (int i = 0; i < 30; i++) {
			submit(form(), address).andExpect(status().is3xxRedirection());
		}
		submit(form(), address).andExpect(status().isTooManyRequests());
		submit(form(), fromNewAddress()).andExpect(status().is3xxRedirection());
	}

	@Test
	void scriptInADescriptionIsShownAsText() throws Exception {
		String location = submit(form("description", "<script>alert('xss')</script><img src=x onerror=alert(1)>"))
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(get(location.substring(0, 13)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;")))
			.andExpect(content().string(not(containsString("<script>alert"))))
			.andExpect(content().string(not(containsString("<img src=x"))));
	}

	@Test
	void malformedInputIsAnsweredInChineseWith4xx() throws Exception {
		submit(form("latitude", "北纬三十四度")).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("请输入数字")));
		submit(form("description", "长".repeat(5000))).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("问题描述不能超过 1000 个字")));
		submit(form("description", "")).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("至少 5 个字")));
		submit(form("categoryCode", "")).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("请选择问题类型")));
		submit(form("categoryCode", "E01")).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("不存在或已停用")));
		submit(form("kind", "HACK")).andExpect(status().isBadRequest());
		submit(form("phone", "12345")).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("请填写正确的手机号")));
		submit(form("latitude", "34.8")).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("位置信息不完整")));
		submit(form("latitude", "51.5", "longitude", "-0.12")).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("不在服务范围内")));
		byte[] exe = new byte[2048];
		exe[0] = 'M';
		exe[1] = 'Z';
		submit(form().file(new MockMultipartFile("photos", "photo.jpg", "image/jpeg", exe)))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(content().string(containsString("只能上传 JPEG 或 PNG")));
		MockMultipartHttpServletRequestBuilder seven = form();
		for (int i = 0; i < 7; i++) {
			seven.file(new MockMultipartFile("photos", "p" + i + ".png", "image/png", TestImages.png(4, 4)));
		}
		submit(seven).andExpect(status().isBadRequest()).andExpect(content().string(containsString("最多上传 6 张")));
		mvc.perform(get("/r/999999999999")).andExpect(status().isNotFound());
		mvc.perform(get("/r/370471001")).andExpect(status().isNotFound()); // a street: no single community to report to
		mvc.perform(get("/t/NOSUCHCODE")).andExpect(status().isNotFound())
			.andExpect(content().string(containsString("没有找到这个查询码")));
	}

	@Test
	void theFormKeepsWhatWasTypedWhenItIsRefused() throws Exception {
		submit(form("description", "路灯不亮", "address", "德仁花园3号楼"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("德仁花园3号楼")))
			.andExpect(content().string(containsString("路灯不亮")));
	}

	@Test
	void aStatusLookUpAcceptsTheCodeAsPeopleTypeIt() throws Exception {
		String location = submit(form()).andReturn().getResponse().getRedirectedUrl();
		String code = location.substring(3, 13);
		mvc.perform(get("/t/" + code.toLowerCase())).andExpect(status().isOk())
			.andExpect(content().string(containsString(code)));
		mvc.perform(get("/t").param("code", " " + code + " ")).andExpect(status().is3xxRedirection());
	}

	/** A valid submission; pairs of name and value replace or add fields. */
	static MockMultipartHttpServletRequestBuilder form(String... overrides) {
		java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
		fields.put("categoryCode", CATEGORY);
		fields.put("kind", "COMPLAINT");
		fields.put("description", "楼下有人占道摆摊，影响通行");
		fields.put("idempotencyKey", UUID.randomUUID().toString());
		for (int i = 0; i < overrides.length; i += 2) {
			fields.put(overrides[i], overrides[i + 1]);
		}
		MockMultipartHttpServletRequestBuilder form = multipart("/r/" + DEREN);
		fields.forEach(form::param);
		return form;
	}

	org.springframework.test.web.servlet.ResultActions submit(MockMultipartHttpServletRequestBuilder form)
			throws Exception {
		return submit(form, fromNewAddress());
	}

	org.springframework.test.web.servlet.ResultActions submit(MockMultipartHttpServletRequestBuilder form,
			RequestPostProcessor address) throws Exception {
		return mvc.perform(form.with(address).with(csrf()));
	}

}
