package chengguan.platform.web;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.Filter;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import chengguan.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Issue 14: a client must not be able to choose the address that per-address limits count it under. */
@IntegrationTest
class ForwardedClientAddressTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	WebApplicationContext context;

	@Autowired
	@Qualifier("springSecurityFilterChain")
	Filter springSecurity;

	@Autowired
	JdbcClient jdbc;

	private static String freshAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "10." + random.nextInt(1, 255) + "." + random.nextInt(1, 255) + "." + random.nextInt(1, 255);
	}

	private static MockHttpServletRequestBuilder failedSignIn(String username, String remote, String forwardedFor) {
		return post("/login").param("username", username)
			.param("password", "Wrong#Pass1")
			.header("X-Forwarded-For", forwardedFor)
			.with(csrf())
			.with(request -> {
				request.setRemoteAddr(remote);
				return request;
			});
	}

	private String auditedAddress(String username) {
		return jdbc.sql("SELECT client_ip FROM audit_event WHERE actor = ? AND action = 'SIGN_IN_FAILURE'")
			.param(username)
			.query(String.class)
			.single();
	}

	private List<String> throttledAddresses(String username) {
		return jdbc.sql("SELECT client_ip FROM sign_in_failure WHERE username = ?").param(username).query(String.class).list();
	}

	@Test
	void byDefaultForwardedHeadersAreIgnored() throws Exception {
		String client = freshAddress();
		String username = "xff-default-" + System.nanoTime() % 1_000_000;
		mvc.perform(failedSignIn(username, client, "203.0.113.9"));
		assertThat(auditedAddress(username)).isEqualTo(client);
		assertThat(throttledAddresses(username)).containsExactly(client);
	}

	@Test
	void onlyATrustedProxyNamesTheClient() throws Exception {
		String proxy = freshAddress();
		MockMvc behindProxy = MockMvcBuilders.webAppContextSetup(context)
			.addFilters(new ForwardedClientAddressFilter(
					new ForwardedClientAddressFilter.ProxySettings(List.of(proxy, "192.168.50.0/24"))), springSecurity)
			.build();

		// through the proxy: the right-most address the proxies did not add themselves, not what the client wrote
		String client = freshAddress();
		String viaProxy = "xff-proxy-" + System.nanoTime() % 1_000_000;
		behindProxy.perform(failedSignIn(viaProxy, proxy, "198.51.100.1, " + client + ", 192.168.50.7"));
		assertThat(auditedAddress(viaProxy)).isEqualTo(client);
		assertThat(throttledAddresses(viaProxy)).containsExactly(client);

		// a client reaching the application directly cannot spoof one
		String direct = freshAddress();
		String spoofer = "xff-spoof-" + System.nanoTime() % 1_000_000;
		behindProxy.perform(failedSignIn(spoofer, direct, "203.0.113.10"));
		assertThat(auditedAddress(spoofer)).isEqualTo(direct);
		assertThat(throttledAddresses(spoofer)).containsExactly(direct);
	}

}
