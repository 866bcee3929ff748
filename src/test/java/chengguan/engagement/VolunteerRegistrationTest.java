package chengguan.engagement;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The public registration page of a community, and what an attacker or a careless thumb might send it. */
@IntegrationTest
class VolunteerRegistrationTest {

	static final String DEREN = "370471001001";

	static final String GUANGMING = "370471001002";

	private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

	private static final AtomicInteger PHONES = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAccounts accounts;

	/** Each test its own client address, so that one test's rate limit does not spill into another. */
	static RequestPostProcessor fromNewAddress() {
		String address = "10.7." + (ADDRESSES.get() / 250) + "." + (ADDRESSES.getAndIncrement() % 250 + 1);
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	/** A mobile number no other test uses. */
	static String newPhone() {
		return "136" + String.format("%08d", (System.nanoTime() / 1000 + PHONES.incrementAndGet() * 7919L) % 100_000_000);
	}

	/** A valid registration, with some fields replaced. */
	private static MockHttpServletRequestBuilder form(String community, String... overrides) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("name", "测试志愿者");
		fields.put("phone", newPhone());
		fields.put("kind", "VOLUNTEER");
		fields.put("skills", "摄影");
		fields.put("availability", "周末");
		fields.put("consent", "true");
		for (int i = 0; i < overrides.length; i += 2) {
			fields.put(overrides[i], overrides[i + 1]);
		}
		MockHttpServletRequestBuilder request = post("/v/" + community);
		fields.forEach(request::param);
		return request;
	}

	private ResultActions submit(MockHttpServletRequestBuilder request, RequestPostProcessor address) throws Exception {
		return mvc.perform(request.with(address).with(csrf()));
	}

	private int registrations(String phone) {
		return jdbc.sql("SELECT COUNT(*) FROM volunteer WHERE phone = ?").param(phone).query(Integer.class).single();
	}

	@Test
	void theCommunityPageOpensWithoutSignInAndWithoutASession() throws Exception {
		MvcResult page = mvc.perform(get("/v/" + DEREN))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("德仁社区")))
			.andExpect(content().string(containsString("兴仁街道")))
			.andExpect(content().string(containsString("百姓监督员")))
			.andExpect(content().string(containsString("我同意社区和城市管理部门使用")))
			.andReturn();
		assertThat(page.getRequest().getSession(false)).isNull();
		mvc.perform(get("/v/" + DEREN + "/qr.png")).andExpect(status().isOk());
	}

	@Test
	void aRegistrationIsStoredPendingAndThePageSaysSo() throws Exception {
		String phone = newPhone();
		submit(form(DEREN, "phone", phone.substring(0, 3) + " " + phone.substring(3, 7) + "-" + phone.substring(7),
				"kind", "CITIZEN_SUPERVISOR"), fromNewAddress())
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/v/" + DEREN + "?registered"));
		assertThat(jdbc.sql("SELECT status || ' ' || kind FROM volunteer WHERE phone = ?").param(phone)
			.query(String.class).single()).isEqualTo("PENDING CITIZEN_SUPERVISOR");
		mvc.perform(get("/v/" + DEREN).param("registered", ""))
			.andExpect(content().string(containsString("报名已提交")));
	}

	@Test
	void aPostWithoutTheCsrfTokenIsRefusedAndStoresNothing() throws Exception {
		String phone = newPhone();
		mvc.perform(form(DEREN, "phone", phone).with(fromNewAddress())).andExpect(status().isForbidden());
		assertThat(registrations(phone)).isZero();
	}

	@Test
	void mistakesComeBackAs400WithTheFormAndAChineseMessage() throws Exception {
		RequestPostProcessor address = fromNewAddress();
		String phone = newPhone();
		submit(form(DEREN, "name", "", "phone", phone, "skills", "会修自行车"), address)
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("请填写姓名")))
			// what they typed is still there
			.andExpect(content().string(containsString(phone)))
			.andExpect(content().string(containsString("会修自行车")));
		submit(form(DEREN, "phone", "12345"), address).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("请填写正确的手机号")));
		submit(form(DEREN, "phone", "0632-8512319"), address).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("请填写正确的手机号")));
		submit(form(DEREN, "consent", "false"), address).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("请阅读并勾选同意")));
		submit(form(DEREN, "name", "长".repeat(33)), address).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("姓名不能超过 32 个字")));
		submit(form(DEREN, "skills", "长".repeat(501)), address).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("特长不能超过 500 个字")));
		submit(form(DEREN, "kind", "HACKER"), address).andExpect(status().isBadRequest());
		assertThat(registrations(phone)).isZero();
		// mistakes do not count against the address: a correct registration still goes through
		submit(form(DEREN), address).andExpect(status().is3xxRedirection());
	}

	@Test
	void unknownPlacesAndPlacesThatAreNotCommunitiesAreNotFound() throws Exception {
		mvc.perform(get("/v/999999999999")).andExpect(status().isNotFound());
		mvc.perform(get("/v/370471001")).andExpect(status().isNotFound());
		submit(form("370471001"), fromNewAddress()).andExpect(status().isNotFound());
	}

	@Test
	void aPhoneRegisteredInTheCommunityIsRefusedPolitelyButMayRegisterElsewhere() throws Exception {
		String phone = newPhone();
		RequestPostProcessor address = fromNewAddress();
		submit(form(DEREN, "phone", phone, "name", "王芳"), address).andExpect(status().is3xxRedirection());
		submit(form(DEREN, "phone", phone, "name", "王小芳"), address)
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("该手机号已在德仁社区报过名，无需重复报名")))
			.andExpect(content().string(containsString("王小芳")));
		submit(form(GUANGMING, "phone", phone, "name", "王芳"), address).andExpect(status().is3xxRedirection());
		assertThat(registrations(phone)).isEqualTo(2);
	}

	@Test
	void aDoubleTapMakesOneRegistration() throws Exception {
		String phone = newPhone();
		RequestPostProcessor address = fromNewAddress();
		submit(form(DEREN, "phone", phone, "name", "陈静"), address).andExpect(status().is3xxRedirection());
		submit(form(DEREN, "phone", phone, "name", "陈静"), address).andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/v/" + DEREN + "?registered"));
		assertThat(registrations(phone)).isEqualTo(1);
	}

	@Test
	void tooManyRegistrationsFromOneAddressAreRefusedWith429() throws Exception {
		RequestPostProcessor address = fromNewAddress();
		// the configured limit: 10 an hour from one address
		for (int i = 0; i < 10; i++) {
			submit(form(DEREN), address).andExpect(status().is3xxRedirection());
		}
		String phone = newPhone();
		submit(form(DEREN, "phone", phone), address)
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(content().string(containsString("提交过于频繁")));
		assertThat(registrations(phone)).isZero();
		submit(form(DEREN, "phone", phone), fromNewAddress()).andExpect(status().is3xxRedirection());
	}

	@Test
	void scriptInANameIsShownAsTextToStaff() throws Exception {
		submit(form(DEREN, "name", "<script>alert(1)</script>"), fromNewAddress()).andExpect(status().is3xxRedirection());
		mvc.perform(get("/engagement/volunteers").with(accounts.as("deren")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
			.andExpect(content().string(not(containsString("<script>alert(1)"))));
		// the staff pages are for staff
		mvc.perform(get("/engagement/volunteers")).andExpect(status().is3xxRedirection());
	}

}
