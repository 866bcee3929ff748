package chengguan.account;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import chengguan.support.IntegrationTest;
import chengguan.support.TestAccounts;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class SecurityHeadersTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Test
	void frameOptionsAgreeWithTheContentSecurityPolicyAndPermissionsAreOurOwnPagesOnly() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Frame-Options", "SAMEORIGIN"))
			.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'self'")))
			.andExpect(header().string("Permissions-Policy", containsString("camera=(self)")))
			.andExpect(header().string("Permissions-Policy", containsString("geolocation=(self)")))
			.andExpect(header().string("Permissions-Policy", containsString("microphone=()")));
	}

	@Test
	void getLogoutShowsASignOutPageWhosButtonPostsWithTheCsrfToken() throws Exception {
		mvc.perform(get("/logout").with(accounts.as("leader")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("action=\"/logout\"")))
			.andExpect(content().string(containsString("method=\"post\"")))
			.andExpect(content().string(containsString("name=\"_csrf\"")));
		// signed out already: the page says so and offers the sign-in page
		mvc.perform(get("/logout"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("您当前未登录")))
			.andExpect(content().string(not(containsString("action=\"/logout\""))));
	}

}
