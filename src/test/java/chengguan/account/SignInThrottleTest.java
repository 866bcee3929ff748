package chengguan.account;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import chengguan.account.demo.DemoAccounts;
import chengguan.platform.security.Role;
import chengguan.support.IntegrationTest;
import chengguan.support.MutableClock;
import chengguan.support.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue 14: one anonymous client must not be able to lock staff out; it only gets its own address blocked. */
@IntegrationTest
class SignInThrottleTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountService accountService;

	@Autowired
	SignInThrottle throttle;

	@BeforeEach
	@AfterEach
	void resetClock() {
		clock.reset();
	}

	/** A source address no other test (nor an earlier run on the same database) has used. */
	static String freshAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "10." + random.nextInt(1, 255) + "." + random.nextInt(1, 255) + "." + random.nextInt(1, 255);
	}

	static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	static MockHttpServletRequestBuilder signIn(String username, String password, String address) {
		return post("/login").param("username", username).param("password", password).with(csrf()).with(from(address));
	}

	@Test
	void sixtyFailedFormSignInsFromOneAddressDoNotKeepTheAccountHolderOut() throws Exception {
		String attacker = freshAddress();
		List<String> answers = new ArrayList<>();
		for (int attempt = 1; attempt <= 60; attempt++) {
			MvcResult result = mvc.perform(signIn("admin", "Wrong#Pass" + attempt, attacker)).andReturn();
			int status = result.getResponse().getStatus();
			answers.add(status == 429 ? "429" : result.getResponse().getRedirectedUrl());
		}
		// wrong passwords, then a CAPTCHA is due (the attacker sends none, which counts), then the address is blocked
		assertThat(answers.subList(0, 3)).containsOnly("/login?error=bad");
		assertThat(answers.subList(3, 10)).containsOnly("/login?error=captcha");
		assertThat(answers.subList(10, 60)).containsOnly("429");

		// the right password from the failing address is refused unread, with when to come back
		mvc.perform(signIn("admin", DemoAccounts.PASSWORD, attacker))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "900"))
			.andExpect(forwardedUrl("/login/blocked"));

		// the account holder, from an address that has not been failing, signs in at once
		mvc.perform(signIn("admin", DemoAccounts.PASSWORD, freshAddress())).andExpect(redirectedUrl("/"));

		// the block ends by itself; a CAPTCHA is still due from that address
		clock.advance(Duration.ofMinutes(15));
		mvc.perform(signIn("admin", DemoAccounts.PASSWORD, attacker)).andExpect(redirectedUrl("/login?error=captcha"));
	}

	@Test
	void sixtyFailedBasicSignInsOnTheApiDoNotKeepTheAccountHolderOut() throws Exception {
		String username = accounts.newAccount("api-throttle", "370471", Role.DISPATCHER);
		String attacker = freshAddress();
		List<Integer> statuses = new ArrayList<>();
		for (int attempt = 1; attempt <= 60; attempt++) {
			statuses.add(mvc
				.perform(get("/api/v1/hotline-imports/1").with(httpBasic(username, "guess-" + attempt)).with(from(attacker)))
				.andReturn()
				.getResponse()
				.getStatus());
		}
		// a system cannot solve a CAPTCHA: where the form would ask for one, the API refuses with 429
		assertThat(statuses.subList(0, 3)).containsOnly(401);
		assertThat(statuses.subList(3, 60)).containsOnly(429);
		mvc.perform(get("/api/v1/hotline-imports/1").with(httpBasic(username, TestAccounts.PASSWORD)).with(from(attacker)))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.status").value(429))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("分钟后再试")));

		// the right password from elsewhere gets through (to the batch, or to "no such batch here": not 401 or 429)
		assertThat(mvc.perform(get("/api/v1/hotline-imports/1").with(httpBasic(username, TestAccounts.PASSWORD))
			.with(from(freshAddress()))).andReturn().getResponse().getStatus()).isIn(200, 404);
		// refused attempts are not counted: only three failures were audited
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'SIGN_IN_FAILURE' AND actor = ?")
			.param(username).query(Integer.class).single()).isEqualTo(3);
	}

	@Test
	void oneAddressTryingManyNamesIsChallengedAndThenBlockedForEveryName() throws Exception {
		String attacker = freshAddress();
		for (int name = 1; name <= 10; name++) {
			mvc.perform(signIn("nobody-" + name, "Wrong#Pass1", attacker)).andExpect(redirectedUrl("/login?error=bad"));
		}
		// the sign-in page now shows a CAPTCHA to that address, and only to it
		mvc.perform(get("/login").with(from(attacker))).andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"captchaId\"")));
		mvc.perform(get("/login").with(from(freshAddress())))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("captchaId"))));
		for (int name = 11; name <= 30; name++) {
			mvc.perform(signIn("nobody-" + name, "Wrong#Pass1", attacker)).andExpect(redirectedUrl("/login?error=captcha"));
		}
		mvc.perform(signIn("leader", DemoAccounts.PASSWORD, attacker)).andExpect(status().isTooManyRequests());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'SIGN_IN_BLOCKED' AND target_type = 'address' AND target_id = ?")
			.param(attacker).query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void aSolvedCaptchaLetsThePasswordBeCheckedOnceAndOnlyFromItsAddress() throws Exception {
		String username = accounts.newAccount("captcha", "370471", Role.LEADER);
		String address = freshAddress();
		for (int attempt = 1; attempt <= 3; attempt++) {
			mvc.perform(signIn(username, "Wrong#Pass1", address));
		}
		SignInThrottle.Challenge challenge = throttle.newChallenge(address);
		assertThat(challenge.png()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
		String answer = answerOf(challenge.id());
		// from another address the same challenge is worthless; a wrong answer uses it up
		assertThat(throttle.solve(challenge.id(), answer, freshAddress())).isFalse();
		assertThat(throttle.solve(challenge.id(), answer.equals("0") ? "1" : "0", address)).isFalse();
		assertThat(throttle.solve(challenge.id(), answer, address)).isFalse();

		SignInThrottle.Challenge second = throttle.newChallenge(address);
		String secondAnswer = answerOf(second.id());
		mvc.perform(signIn(username, TestAccounts.PASSWORD, address).param("captchaId", second.id())
			.param("captcha", secondAnswer)).andExpect(redirectedUrl("/"));
		// used up: the same answer again is refused
		assertThat(throttle.solve(second.id(), secondAnswer, address)).isFalse();
	}

	@Test
	void anUnknownNameAndAWrongPasswordGetTheSameAnswerInAboutTheSameTime() throws Exception {
		String username = accounts.newAccount("same", "370471", Role.LEADER);
		MvcResult known = mvc.perform(signIn(username, "Wrong#Pass1", freshAddress())).andReturn();
		MvcResult unknown = mvc.perform(signIn("no-such-" + username, "Wrong#Pass1", freshAddress())).andReturn();
		assertThat(unknown.getResponse().getStatus()).isEqualTo(known.getResponse().getStatus());
		assertThat(unknown.getResponse().getRedirectedUrl()).isEqualTo(known.getResponse().getRedirectedUrl())
			.isEqualTo("/login?error=bad");

		MvcResult knownApi = mvc.perform(get("/api/v1/hotline-imports/1").with(httpBasic(username, "Wrong#Pass1"))
			.with(from(freshAddress()))).andReturn();
		MvcResult unknownApi = mvc.perform(get("/api/v1/hotline-imports/1")
			.with(httpBasic("no-such-" + username, "Wrong#Pass1")).with(from(freshAddress()))).andReturn();
		assertThat(unknownApi.getResponse().getStatus()).isEqualTo(knownApi.getResponse().getStatus()).isEqualTo(401);
		assertThat(unknownApi.getResponse().getContentAsString()).isEqualTo(knownApi.getResponse().getContentAsString());

		// an unknown name is checked against a dummy BCrypt hash: not answered in a fraction of the time
		long knownNanos = medianNanos(() -> mvc.perform(signIn(username, "Wrong#Pass1", freshAddress())));
		long unknownNanos = medianNanos(() -> mvc.perform(signIn("no-such-" + username, "Wrong#Pass1", freshAddress())));
		assertThat(unknownNanos).isGreaterThan(knownNanos / 3);
	}

	@Test
	void aDisabledAccountIsOnlyNamedAsSuchToWhoeverKnowsItsPassword() throws Exception {
		String username = accounts.newAccount("disabled", "370471", Role.LEADER);
		jdbc.sql("UPDATE user_account SET enabled = FALSE WHERE username = ?").param(username).update();
		mvc.perform(signIn(username, "Wrong#Pass1", freshAddress())).andExpect(redirectedUrl("/login?error=bad"));
		mvc.perform(signIn(username, TestAccounts.PASSWORD, freshAddress())).andExpect(redirectedUrl("/login?error=disabled"));
	}

	@Test
	void theHolderIsToldByTextMessageAndTheBlockIsAuditedAndAnAdministratorCanLiftIt() throws Exception {
		String attacker = freshAddress();
		String phone = jdbc.sql("SELECT s.phone FROM staff s JOIN user_account a ON a.staff_id = s.id WHERE a.username = 'leader'")
			.query(String.class).single();
		long outboxBefore = outboxFor(phone);
		for (int attempt = 1; attempt <= 10; attempt++) {
			mvc.perform(signIn("leader", "Wrong#Pass1", attacker));
		}
		mvc.perform(signIn("leader", DemoAccounts.PASSWORD, attacker)).andExpect(status().isTooManyRequests());
		assertThat(outboxFor(phone)).isEqualTo(outboxBefore + 1);
		assertThat(jdbc.sql("SELECT message FROM notification_outbox WHERE recipient = ? ORDER BY id DESC LIMIT 1")
			.param(phone).query(String.class).single()).contains("leader", attacker, "暂停登录");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'SIGN_IN_BLOCKED' AND target_id = 'leader' AND client_ip = ?")
			.param(attacker).query(Integer.class).single()).isEqualTo(1);
		assertThat(throttle.blockedUntil("leader")).isNotNull();

		// the administrators' list shows it, and the command line's unlock lifts it (audited under its actor)
		long leaderId = jdbc.sql("SELECT id FROM user_account WHERE username = 'leader'").query(Long.class).single();
		assertThat(accountService.user(leaderId, accounts.principal("admin")).locked()).isTrue();
		assertThat(accountService.unlock("leader", "cli:root")).isTrue();
		assertThat(accountService.unlock("no-such-user", "cli:root")).isFalse();
		assertThat(accountService.user(leaderId, accounts.principal("admin")).locked()).isFalse();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'USER_UNLOCKED' AND actor = 'cli:root' AND target_id = ?")
			.param(String.valueOf(leaderId)).query(Integer.class).single()).isEqualTo(1);
		mvc.perform(signIn("leader", DemoAccounts.PASSWORD, attacker)).andExpect(redirectedUrl("/"));
	}

	@Test
	void anAdministratorUnlocksFromTheUserPage() throws Exception {
		String username = accounts.newAccount("unlock", "370471", Role.LEADER);
		String address = freshAddress();
		for (int attempt = 1; attempt <= 10; attempt++) {
			mvc.perform(signIn(username, "Wrong#Pass1", address));
		}
		long id = jdbc.sql("SELECT id FROM user_account WHERE username = ?").param(username).query(Long.class).single();
		mvc.perform(get("/admin/users/" + id).with(accounts.as("admin")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("从部分地址登录已暂停至")));
		mvc.perform(post("/admin/users/" + id + "/unlock").with(accounts.as("admin")).with(csrf()))
			.andExpect(redirectedUrl("/admin/users/" + id));
		mvc.perform(signIn(username, TestAccounts.PASSWORD, address)).andExpect(redirectedUrl("/"));
	}

	@Test
	void aPasswordOverSeventyTwoBytesIsRefusedWithAReasonNotAServerError() throws Exception {
		String username = accounts.newAccount("long", "370471", Role.LEADER);
		String longPassword = "Aa1" + "城".repeat(25);
		assertThat(longPassword.getBytes(StandardCharsets.UTF_8)).hasSize(78);
		mvc.perform(post("/account/password").with(accounts.as(username)).with(csrf())
			.param("currentPassword", TestAccounts.PASSWORD)
			.param("newPassword", longPassword)
			.param("confirmPassword", longPassword))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("不能超过 72 字节")));
		// signing in with such a password is a plain wrong password
		mvc.perform(signIn(username, longPassword, freshAddress())).andExpect(redirectedUrl("/login?error=bad"));
	}

	@Test
	void aCommonPasswordIsRefused() throws Exception {
		String username = accounts.newAccount("common", "370471", Role.LEADER);
		mvc.perform(post("/account/password").with(accounts.as(username)).with(csrf())
			.param("currentPassword", TestAccounts.PASSWORD)
			.param("newPassword", "Password1!")
			.param("confirmPassword", "Password1!"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("常见密码")));
	}

	@Test
	void countersAndChallengesThatCanNoLongerMatterAreRemoved() throws Exception {
		String address = freshAddress();
		String username = "stale-" + System.nanoTime() % 1_000_000;
		for (int attempt = 1; attempt <= 10; attempt++) {
			mvc.perform(signIn(username, "Wrong#Pass1", address));
		}
		throttle.newChallenge(address);
		// 29 minutes on: the challenge has expired and the address's count gone quiet, but the name's block ended only
		// 14 minutes ago and still decides how long the next one lasts
		clock.advance(Duration.ofMinutes(29));
		throttle.removeStale();
		assertThat(rowsFor(address)).isEqualTo(1);
		clock.advance(Duration.ofMinutes(2));
		throttle.removeStale();
		assertThat(rowsFor(address)).isZero();
	}

	private String answerOf(String challengeId) {
		String hash = jdbc.sql("SELECT answer_hash FROM sign_in_challenge WHERE id = ?").param(challengeId)
			.query(String.class).single();
		for (int candidate = 0; candidate <= 18; candidate++) {
			try {
				byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
					.digest((challengeId + ":" + candidate).getBytes(StandardCharsets.UTF_8));
				if (java.util.HexFormat.of().formatHex(digest).equals(hash)) {
					return String.valueOf(candidate);
				}
			}
			catch (java.security.NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}
		throw new AssertionError("no answer between 0 and 18");
	}

	private long rowsFor(String address) {
		return jdbc.sql("SELECT COUNT(*) FROM sign_in_failure WHERE client_ip = ?").param(address).query(Long.class).single()
				+ jdbc.sql("SELECT COUNT(*) FROM sign_in_challenge WHERE client_ip = ?").param(address).query(Long.class).single();
	}

	private long outboxFor(String phone) {
		return jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE recipient = ?").param(phone).query(Long.class).single();
	}

	interface Attempt {

		void run() throws Exception;

	}

	private static long medianNanos(Attempt attempt) throws Exception {
		long[] times = new long[5];
		for (int i = 0; i < times.length; i++) {
			long start = System.nanoTime();
			attempt.run();
			times[i] = System.nanoTime() - start;
		}
		java.util.Arrays.sort(times);
		return times[times.length / 2];
	}

}
