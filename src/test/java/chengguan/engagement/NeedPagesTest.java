package chengguan.engagement;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import chengguan.support.IntegrationTest;
import chengguan.support.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesRegex;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public suggestions and sign-up pages as residents (and attackers) use them, and the staff pages of needs,
 * events and meetings, through the real security filters.
 */
@IntegrationTest
class NeedPagesTest {

	static final String DEREN = "370471001001";

	private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	PublicityEvents events;

	/** Each test its own client address, so that one test's rate limit does not spill into another. */
	static RequestPostProcessor fromNewAddress() {
		String address = "10.66." + (ADDRESSES.get() / 250) + "." + (ADDRESSES.getAndIncrement() % 250 + 1);
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private static MockHttpServletRequestBuilder suggestion(String content, String phone) {
		return post("/n/" + DEREN).param("kind", "SUGGESTION").param("content", content).param("phone", phone)
			.param("idempotencyKey", UUID.randomUUID().toString());
	}

	@Test
	void aResidentSendsASuggestionFromThePublicPageWithoutASession() throws Exception {
		MvcResult page = mvc.perform(get("/n/" + DEREN))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("德仁社区")))
			.andExpect(content().string(containsString("兴仁街道")))
			.andExpect(content().string(containsString("建议")))
			.andReturn();
		assertThat(page.getRequest().getSession(false)).isNull();

		RequestPostProcessor address = fromNewAddress();
		mvc.perform(suggestion("希望小区内增设分类垃圾桶", "").with(address))
			.andExpect(status().isForbidden());
		mvc.perform(suggestion("太短", "").with(address).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("内容须为 5 至 1000 个字。")))
			.andExpect(content().string(containsString("太短")));
		mvc.perform(suggestion("希望小区内增设分类垃圾桶", "12345").with(address).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("请填写有效的手机号码")));
		mvc.perform(suggestion("<script>alert(1)</script>希望增设分类垃圾桶", "").with(address).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/n/" + DEREN + "?submitted"));
		mvc.perform(get("/n/" + DEREN).param("submitted", ""))
			.andExpect(content().string(containsString("已收到，谢谢您")));

		long id = jdbc.sql("SELECT MAX(id) FROM need WHERE content LIKE '<script>%'").query(Long.class).single();
		mvc.perform(get("/engagement/needs/" + id).with(accounts.as("deren")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
			.andExpect(content().string(not(containsString("<script>alert(1)"))));

		mvc.perform(get("/n/370471001")).andExpect(status().isNotFound());
		mvc.perform(get("/n/nowhere")).andExpect(status().isNotFound());
	}

	@Test
	void theTwentyFirstSuggestionFromOneAddressWithinAnHourIsRefusedWithRetryAfter() throws Exception {
		RequestPostProcessor address = fromNewAddress();
		for (int i = 0; i < 20; i++) {
			mvc.perform(suggestion("第 " + i + " 条建议：增设休闲座椅", "").with(address).with(csrf()))
				.andExpect(status().is3xxRedirection());
		}
		mvc.perform(suggestion("第 21 条建议：增设休闲座椅", "").with(address).with(csrf()))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(content().string(containsString("提交过于频繁")));
		mvc.perform(suggestion("换一个地址就可以提交", "").with(fromNewAddress()).with(csrf()))
			.andExpect(status().is3xxRedirection());
	}

	private PublicityEvent event(int capacity) {
		LocalDate later = events.today().plusDays(10);
		long staff = jdbc.sql("SELECT id FROM staff WHERE phone = '13800003001'").query(Long.class).single();
		long id = events.plan(new PublicityEventPlan("城管开放日：走进兴仁中队", PublicityEventKind.OPEN_DAY, DEREN,
				"兴仁中队院内", later, LocalTime.of(14, 0), LocalTime.of(16, 0), capacity, staff, "参观执法装备"),
				accounts.principal("xingren"));
		return events.get(id, accounts.principal("xingren"));
	}

	@Test
	void aResidentSignsUpOnTheEventPageOnceAndNotPastTheCapacity() throws Exception {
		PublicityEvent event = event(2);
		String page = "/e/" + event.code();
		mvc.perform(get(page))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("城管开放日：走进兴仁中队")))
			.andExpect(content().string(containsString("共 2 人，剩余 2 个")));
		RequestPostProcessor address = fromNewAddress();
		mvc.perform(post(page).param("name", "王芳").param("phone", "13911110001").with(address))
			.andExpect(status().isForbidden());
		mvc.perform(post(page).param("name", "王芳").param("phone", "1391111").with(address).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("请填写有效的手机号码")))
			.andExpect(content().string(containsString("value=\"王芳\"")));
		mvc.perform(post(page).param("name", "王芳").param("phone", "13911110001").with(address).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl(page + "?signedUp"));
		mvc.perform(post(page).param("name", "王芳").param("phone", "139 1111 0001").with(address).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("这个号码已经报过名了")));
		mvc.perform(post(page).param("name", "刘强").param("phone", "13911110002").with(address).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post(page).param("name", "陈静").param("phone", "13911110003").with(address).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("名额已满")));
		mvc.perform(get("/e/ZZZZZZZZ")).andExpect(status().isNotFound());

		mvc.perform(get("/engagement/events/" + event.id()).with(accounts.as("xingren")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("王芳")))
			.andExpect(content().string(containsString("2 / 2 人")));
		mvc.perform(get("/engagement/events/" + event.id()).with(accounts.as("xingcheng")))
			.andExpect(status().isNotFound());
	}

	@Test
	void signUpsFromOneAddressAreLimited() throws Exception {
		PublicityEvent event = event(100);
		RequestPostProcessor address = fromNewAddress();
		for (int i = 0; i < 20; i++) {
			mvc.perform(post("/e/" + event.code()).param("name", "居民" + i)
				.param("phone", "1392222" + String.format("%04d", i)).with(address).with(csrf()))
				.andExpect(status().is3xxRedirection());
		}
		mvc.perform(post("/e/" + event.code()).param("name", "居民").param("phone", "13922229999").with(address)
			.with(csrf()))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"));
	}

	@Test
	void staffWeighANeedOnItsPageMakeItACaseAndPrintTheCommunitysList() throws Exception {
		String location = mvc.perform(post("/engagement/needs").param("communityCode", DEREN).param("kind", "NEED")
			.param("source", "NEEDS_SURVEY").param("content", "德仁花园北门夜间照明不足").with(accounts.as("deren"))
			.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/engagement/needs/*"))
			.andReturn().getResponse().getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		mvc.perform(post("/engagement/needs").param("communityCode", DEREN).param("kind", "NEED")
			.param("source", "QR_CODE").param("content", "员工不能以扫码名义登记").with(accounts.as("deren")).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("请选择收集渠道。")));

		mvc.perform(get(location).with(accounts.as("xingren")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("德仁花园北门夜间照明不足")))
			.andExpect(content().string(containsString("待研判")))
			.andExpect(content().string(containsString("居委会/物业/业委会")));
		mvc.perform(post(location + "/status").param("version", "0").param("next", "REJECTED").param("reason", "")
			.with(accounts.as("xingren")).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("不予采纳时须写明理由")));
		mvc.perform(post(location + "/measure").param("version", "0").param("measure", "协调物业加装两盏庭院灯")
			.param("owner", "德仁物业").param("deadline", events.today().plusDays(20).toString())
			.with(accounts.as("xingren")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post(location + "/case").param("version", "1").param("categoryCode", "E0101").param("kind", "HELP")
			.with(accounts.as("xingren")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		String code = jdbc.sql("SELECT report_tracking_code FROM need WHERE id = ?").param(id).query(String.class).single();
		mvc.perform(get(location).with(accounts.as("xingren")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(code)))
			.andExpect(content().string(containsString("办理中")))
			.andExpect(content().string(containsString("待受理")));
		mvc.perform(get(location).with(accounts.as("xingcheng"))).andExpect(status().isNotFound());
		mvc.perform(post(location + "/status").param("version", "2").param("next", "RESOLVED")
			.with(accounts.as("leader")).with(csrf()))
			.andExpect(status().isForbidden());

		long deren = jdbc.sql("SELECT id FROM region WHERE code = ?").param(DEREN).query(Long.class).single();
		mvc.perform(get("/engagement/needs/communities/" + deren + "/print").with(accounts.as("leader")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("德仁社区 居民需求清单（一区一策）")))
			.andExpect(content().string(containsString("协调物业加装两盏庭院灯")))
			.andExpect(content().string(matchesRegex("(?s).*/css/needs-print-[0-9a-f]{32}\\.css.*")));
		mvc.perform(get("/engagement/needs/communities/" + deren + "/qr.png").with(accounts.as("leader")))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/png"));
		mvc.perform(get("/engagement/needs/communities/" + deren + "/print").with(accounts.as("xingcheng")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/engagement/needs").param("communityId", Long.toString(deren)).with(accounts.as("leader")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("德仁花园北门夜间照明不足")));
	}

	@Test
	void staffRecordAMeetingAndItsResolutionsOnThePages() throws Exception {
		String location = mvc.perform(post("/engagement/deliberations").param("communityCode", "370471001003")
			.param("kind", "ROUND_TABLE").param("title", "幸福圆桌会：大件垃圾").param("date", events.today().toString())
			.param("agenda", "大件垃圾清运时间").param("attendees[RESIDENTS_COMMITTEE]", "孙丽华、李梅")
			.param("attendees[CITY_MANAGEMENT]", "张伟").with(accounts.as("dispatcher")).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(post(location + "/tasks").param("content", "每周六上午统一清运大件垃圾").param("owner", "环卫所")
			.param("deadline", "2000-01-01").with(accounts.as("dispatcher")).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("请填写完成期限（不早于会议日期）。")));
		mvc.perform(post(location + "/tasks").param("content", "每周六上午统一清运大件垃圾").param("owner", "环卫所")
			.param("deadline", events.today().plusDays(14).toString()).with(accounts.as("dispatcher")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get(location).with(accounts.as("dispatcher")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("每周六上午统一清运大件垃圾")))
			.andExpect(content().string(containsString("李梅")))
			.andExpect(content().string(containsString("未完成")));
		mvc.perform(get("/engagement/deliberations").with(accounts.as("leader")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("幸福圆桌会：大件垃圾")));
		mvc.perform(get("/engagement/deliberations/new").with(accounts.as("leader"))).andExpect(status().isForbidden());
		mvc.perform(get("/engagement/events/new").with(accounts.as("xingren")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("张伟")));
		mvc.perform(get("/engagement/events").with(accounts.as("leader"))).andExpect(status().isOk());
	}

}
