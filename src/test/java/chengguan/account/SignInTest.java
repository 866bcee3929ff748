package chengguan.account;

import java.util.Map;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import chengguan.organization.RegionService;
import chengguan.platform.security.Role;
import chengguan.support.IntegrationTest;
import chengguan.support.MutableClock;
import chengguan.support.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class SignInTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RegionService regions;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void signInsAreAuditedWithOutcomeAndAddress() throws Exception {
		String username = accounts.newAccount("audit", "370471", Role.LEADER);
		String address = SignInThrottleTest.freshAddress();
		mvc.perform(SignInThrottleTest.signIn(username, "Wrong#Pass1", address));
		mvc.perform(SignInThrottleTest.signIn(username, TestAccounts.PASSWORD, address));

		var rows = jdbc.sql("SELECT action, client_ip, detail FROM audit_event WHERE actor = ? ORDER BY id")
			.param(username)
			.query((rs, n) -> rs.getString("action") + "|" + rs.getString("client_ip") + "|" + rs.getString("detail"))
			.list();
		assertThat(rows).containsExactly("SIGN_IN_FAILURE|" + address + "|reason=bad",
				"SIGN_IN_SUCCESS|" + address + "|null");
	}

	@Test
	void sessionsLiveInTheDatabaseAndEndAfterThirtyIdleMinutes() throws Exception {
		String username = accounts.newAccount("session", "370471", Role.LEADER);
		Cookie session = signIn(username, TestAccounts.PASSWORD);
		assertThat(session.getName()).isEqualTo("SESSION");

		Integer maxInactive = jdbc.sql("SELECT max_inactive_interval FROM spring_session WHERE principal_name = ?")
			.param(username)
			.query(Integer.class)
			.single();
		assertThat(maxInactive).isEqualTo(30 * 60);
		mvc.perform(get("/org/regions").cookie(session)).andExpect(status().isOk());
	}

	@Test
	void signOutEndsTheSession() throws Exception {
		String username = accounts.newAccount("logout", "370471", Role.LEADER);
		Cookie session = signIn(username, TestAccounts.PASSWORD);
		mvc.perform(post("/logout").cookie(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));
		mvc.perform(get("/org/regions").cookie(session)).andExpect(status().is3xxRedirection());
	}

	@Test
	void pagesNeedSignInAndPostsNeedTheCsrfToken() throws Exception {
		mvc.perform(get("/org/regions")).andExpect(status().is3xxRedirection());
		long derenId = regions.findByCode("370471001001").orElseThrow().id();
		mvc.perform(post("/org/regions/" + derenId).with(accounts.as("admin")).param("code", "X").param("name", "Y"))
			.andExpect(status().isForbidden());
	}

	@Test
	void aNewAccountMustChangeItsInitialPasswordBeforeAnythingElse() throws Exception {
		String username = "newbie" + System.currentTimeMillis() % 100_000;
		long streetId = regions.findByCode("370471002").orElseThrow().id();
		MvcResult created = mvc
			.perform(post("/admin/users").with(accounts.as("admin"))
				.with(csrf())
				.param("username", username)
				.param("displayName", "新同事")
				.param("homeRegionId", String.valueOf(streetId))
				.param("roles", "LIAISON")
				.param("enabled", "true"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		Map<String, ?> flash = created.getFlashMap();
		String initialPassword = (String) flash.get("initialPassword");
		assertThat(initialPassword).hasSize(12);

		Cookie session = signIn(username, initialPassword);
		mvc.perform(get("/org/regions").cookie(session)).andExpect(redirectedUrl("/account/password"));
		mvc.perform(get("/account/password").cookie(session)).andExpect(status().isOk());

		// a new password that breaks the policy is refused and nothing changes
		mvc.perform(post("/account/password").cookie(session)
			.with(csrf())
			.param("currentPassword", initialPassword)
			.param("newPassword", "simplepass")
			.param("confirmPassword", "simplepass")).andExpect(status().isUnprocessableContent());
		mvc.perform(get("/org/regions").cookie(session)).andExpect(redirectedUrl("/account/password"));

		mvc.perform(post("/account/password").cookie(session)
			.with(csrf())
			.param("currentPassword", initialPassword)
			.param("newPassword", "Xingcheng#2026")
			.param("confirmPassword", "Xingcheng#2026")).andExpect(redirectedUrl("/"));
		mvc.perform(get("/org/regions").cookie(session)).andExpect(status().isOk());
		signIn(username, "Xingcheng#2026");
	}

	private Cookie signIn(String username, String password) throws Exception {
		MvcResult result = mvc.perform(formLogin().user(username).password(password))
			.andExpect(redirectedUrl("/"))
			.andReturn();
		Cookie session = result.getResponse().getCookie("SESSION");
		assertThat(session).as("session cookie").isNotNull();
		return session;
	}

}
