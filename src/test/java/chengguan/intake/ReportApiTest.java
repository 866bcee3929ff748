package chengguan.intake;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import chengguan.support.IntegrationTest;
import chengguan.support.TestImages;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The public JSON API for mini programs and apps: no session, no CSRF token, the same checks as the page. */
@IntegrationTest
class ReportApiTest {

	@Autowired
	MockMvc mvc;

	private static String body(String key, String description) {
		return """
				{"communityCode": "370471003009", "categoryCode": "E0101", "kind": "SUGGESTION",
				 "description": "%s", "lat": 34.85, "lng": 117.42, "accuracy": 15,
				 "address": "欣兴社区南门", "phone": "13700000001", "idempotencyKey": "%s"}""".formatted(description, key);
	}

	@Test
	void aReportIsCreatedAndItsStatusReadBack() throws Exception {
		String key = UUID.randomUUID().toString();
		String location = mvc.perform(post("/api/v1/reports").contentType(MediaType.APPLICATION_JSON)
			.content(body(key, "建议在南门增设垃圾分类投放点")).with(ResidentReportingTest.fromNewAddress()))
			.andExpect(status().isCreated())
			.andExpect(header().string("Idempotent-Replayed", "false"))
			.andExpect(jsonPath("$.trackingCode").value(matchesPattern("[0-9A-HJKMNP-TV-Z]{10}")))
			.andExpect(jsonPath("$.statusUrl").value(containsString("/t/")))
			.andReturn().getResponse().getHeader("Location");

		mvc.perform(get(location))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PENDING"))
			.andExpect(jsonPath("$.statusLabel").value("待受理"))
			.andExpect(jsonPath("$.community").value("欣兴社区"))
			.andExpect(jsonPath("$.street").value("张范街道"))
			.andExpect(jsonPath("$.category").value("暴露垃圾"))
			.andExpect(jsonPath("$.timeline", hasSize(1)))
			.andExpect(jsonPath("$.timeline[0].text").value(containsString("已收到")))
			.andExpect(jsonPath("$.phone").doesNotExist());

		mvc.perform(post("/api/v1/reports").contentType(MediaType.APPLICATION_JSON)
			.content(body(key, "建议在南门增设垃圾分类投放点")).with(ResidentReportingTest.fromNewAddress()))
			.andExpect(status().isCreated())
			.andExpect(header().string("Idempotent-Replayed", "true"))
			.andExpect(header().string("Location", location));
	}

	@Test
	void photosComeAsMultipartParts() throws Exception {
		MockMultipartFile report = new MockMultipartFile("report", "", MediaType.APPLICATION_JSON_VALUE,
				body(UUID.randomUUID().toString(), "路灯不亮，晚上很黑").getBytes(java.nio.charset.StandardCharsets.UTF_8));
		mvc.perform(multipart("/api/v1/reports").file(report)
			.file(new MockMultipartFile("photos", "a.jpg", "image/jpeg", TestImages.jpegWithExif(20, 10, 1)))
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.with(ResidentReportingTest.fromNewAddress()))
			.andExpect(status().isCreated());
	}

	@Test
	void badRequestsGetAJsonMessageInChinese() throws Exception {
		mvc.perform(post("/api/v1/reports").contentType(MediaType.APPLICATION_JSON)
			.content("{\"communityCode\": \"370471003009\", \"lat\": \"北纬\"}").with(ResidentReportingTest.fromNewAddress()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message").value(containsString("提交的内容有误")));
		mvc.perform(post("/api/v1/reports").contentType(MediaType.APPLICATION_JSON)
			.content("{\"communityCode\": \"370471003009\"}").with(ResidentReportingTest.fromNewAddress()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message").value("请选择问题类型。"));
		mvc.perform(post("/api/v1/reports").contentType(MediaType.APPLICATION_JSON)
			.content("not json at all").with(ResidentReportingTest.fromNewAddress()))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/reports").contentType(MediaType.APPLICATION_JSON)
			.content(body("bad key with spaces", "描述内容足够长")).with(ResidentReportingTest.fromNewAddress()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message").value(containsString("提交标识格式不正确")));
		mvc.perform(get("/api/v1/reports/0000000000"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.message").value(containsString("没有找到这个查询码")));
	}

	@Test
	void communitiesAndCategoriesArePublic() throws Exception {
		mvc.perform(get("/api/v1/communities"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(9)))
			.andExpect(jsonPath("$[*].name", hasItem("兴城花园社区")));
		mvc.perform(get("/api/v1/categories"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].code", hasItem("E0101")));
	}

	@Test
	void theRestOfTheApiNeedsCredentials() throws Exception {
		mvc.perform(get("/api/v1/hotline-imports/1")).andExpect(status().isUnauthorized());
	}

}
