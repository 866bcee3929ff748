package chengguan.platform;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import chengguan.organization.RegionService;
import chengguan.organization.RegionView;
import chengguan.support.IntegrationTest;
import chengguan.support.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Bad input gets a Chinese message and a 4xx, never a stack trace. */
@IntegrationTest
class ErrorPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	RegionService regions;

	@Test
	void aMalformedIdIsABadRequestInChinese() throws Exception {
		mvc.perform(get("/org/regions").param("id", "abc").with(accounts.as("admin")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("提交的内容有误")))
			.andExpect(content().string(not(containsString("Exception"))));
	}

	@Test
	void anUnknownRecordIsNotFoundInChinese() throws Exception {
		mvc.perform(get("/org/staff/987654321").with(accounts.as("admin")))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("页面不存在")));
	}

	@Test
	void invalidFieldsAreShownNextToTheFieldInChinese() throws Exception {
		RegionView deren = regions.findByCode("370471001001").orElseThrow();
		mvc.perform(post("/org/regions/" + deren.id()).with(accounts.as("admin"))
			.with(csrf())
			.param("code", "bad code!")
			.param("name", "")
			.param("version", String.valueOf(deren.version())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("编码只能由字母、数字和 - 组成")))
			.andExpect(content().string(containsString("不能为空")))
			.andExpect(content().string(containsString("is-invalid")));
		assertThat(regions.find(deren.id()).orElseThrow().code())
			.isEqualTo("370471001001");
	}

	@Test
	void textInANumberFieldIsExplainedInChinese() throws Exception {
		RegionView deren = regions.findByCode("370471001001").orElseThrow();
		mvc.perform(post("/org/regions/" + deren.id()).with(accounts.as("admin"))
			.with(csrf())
			.param("code", deren.code())
			.param("name", deren.name())
			.param("population", "很多")
			.param("version", String.valueOf(deren.version())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请输入整数")));
	}

	@Test
	void aChangeBasedOnAStaleVersionIsRefusedAsAConflict() throws Exception {
		RegionView deren = regions.findByCode("370471001001").orElseThrow();
		mvc.perform(post("/org/regions/" + deren.id()).with(accounts.as("admin"))
			.with(csrf())
			.param("code", deren.code())
			.param("name", deren.name())
			.param("sortOrder", "1")
			.param("version", String.valueOf(deren.version() - 1)))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("已被他人修改")));
	}

	@Test
	void aRoleWithoutTheRightIsForbiddenInChinese() throws Exception {
		mvc.perform(get("/admin/users").with(accounts.as("xingren")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/audit").with(accounts.as("leader"))).andExpect(status().isForbidden());
		mvc.perform(get("/audit").with(accounts.as("inspector"))).andExpect(status().isOk());
	}

	@Test
	void pagesCarryAContentSecurityPolicy() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"));
	}

}
