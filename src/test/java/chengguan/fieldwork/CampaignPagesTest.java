package chengguan.fieldwork;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import chengguan.support.IntegrationTest;
import chengguan.support.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesRegex;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The campaign pages: the office creates one on the form, everyone in scope sees it, liaisons cannot create. */
@IntegrationTest
class CampaignPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Campaigns campaigns;

	@Autowired
	JdbcClient jdbc;

	private String id(String table, String code) {
		return jdbc.sql("SELECT id FROM " + table + " WHERE code = ?").param(code).query(Long.class).single().toString();
	}

	@Test
	void theCreateFormNeedsCsrfAndComesBackWithTheReasonAndA400() throws Exception {
		LocalDate today = campaigns.today();
		mvc.perform(post("/fieldwork/campaigns").param("name", "无令牌").with(accounts.as("dispatcher")))
			.andExpect(status().isForbidden());

		mvc.perform(post("/fieldwork/campaigns").param("name", " ").param("startDate", today.toString())
			.param("endDate", today.plusDays(5).toString()).param("categoryIds", id("category", "E0503"))
			.with(accounts.as("dispatcher")).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("请填写专项整治名称。"), containsString("请至少选择一个整治区域。"))));

		mvc.perform(post("/fieldwork/campaigns").param("name", "倒填日期").param("startDate", today.toString())
			.param("endDate", today.minusDays(1).toString()).param("regionIds", id("region", "370471002"))
			.param("categoryIds", id("category", "E0503")).with(accounts.as("dispatcher")).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("结束日期不能早于开始日期。"), containsString("倒填日期"))));

		String location = mvc.perform(post("/fieldwork/campaigns").param("name", "兴城街道乱堆乱放整治")
			.param("description", "<b>清理</b>楼道堆物").param("startDate", today.minusDays(1).toString())
			.param("endDate", today.plusDays(20).toString()).param("regionIds", id("region", "370471002"))
			.param("categoryIds", id("category", "E0503"), id("category", "E030502"))
			.with(accounts.as("dispatcher")).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/fieldwork/campaigns/*"))
			.andReturn().getResponse().getRedirectedUrl();

		mvc.perform(get(location).with(accounts.as("xingcheng")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("兴城街道乱堆乱放整治"), containsString("进行中"),
					containsString("&lt;b&gt;清理&lt;/b&gt;"), not(containsString("/edit\"")))));
		mvc.perform(get(location).with(accounts.as("xingren"))).andExpect(status().isNotFound());
		mvc.perform(get(location).with(accounts.as("dispatcher")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/edit\"")));
		mvc.perform(get("/fieldwork/campaigns").with(accounts.as("xingcheng")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("兴城街道乱堆乱放整治"), not(containsString("新建专项整治")))));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'CAMPAIGN_CREATED' AND target_id = ?")
			.param(location.substring(location.lastIndexOf('/') + 1)).query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void theTemplateFillsTheFormAndLiaisonsMayNotCreate() throws Exception {
		long template = campaigns.templateByCode("QINGSHUANG").orElseThrow().id();
		mvc.perform(get("/fieldwork/campaigns/new").param("template", Long.toString(template)).with(accounts.as("leader")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("清爽行动「一补一复治六乱」"),
					matchesRegex("(?s).*value=\"" + id("category", "E050401") + "\"[^>]*checked.*"),
					not(matchesRegex("(?s).*value=\"" + id("category", "E0105") + "\"[^>]*checked.*")))));
		mvc.perform(get("/fieldwork/campaigns/new").with(accounts.as("xingren"))).andExpect(status().isForbidden());
		mvc.perform(post("/fieldwork/campaigns").param("name", "联络员不能建").with(accounts.as("xingren")).with(csrf()))
			.andExpect(status().isForbidden());
	}

	@Test
	void theDutyLogFormOffersTheCampaignsRunningThatDay() throws Exception {
		LocalDate today = campaigns.today();
		Campaign campaign = campaigns.createUnchecked(new CampaignDetails("锦绣园飞线充电整治", null, today.minusDays(3),
				today, java.util.List.of(Long.valueOf(id("region", "370471002008"))),
				java.util.List.of(Long.valueOf(id("category", "E050401"))), null), "test");
		mvc.perform(get("/fieldwork/logs/campaigns").param("date", today.toString()).param("communityCode", "370471002008")
			.with(accounts.as("xingcheng")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"" + campaign.id() + "\"")));
		mvc.perform(get("/fieldwork/logs/campaigns").param("date", today.minusDays(4).toString())
			.param("communityCode", "370471002008").with(accounts.as("xingcheng")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("value=\"" + campaign.id() + "\""))));
		mvc.perform(get("/fieldwork/logs/campaigns").param("date", today.toString()).param("communityCode", "370471002007")
			.with(accounts.as("xingcheng")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("value=\"" + campaign.id() + "\""))));
	}

	@Test
	void theDemoCampaignRunsOverTheDistrictWithItsPatrols() throws Exception {
		long demo = jdbc.sql("SELECT id FROM campaign WHERE created_by = 'admin' AND name = '清爽行动「一补一复治六乱」'")
			.query(Long.class).single();
		Campaign campaign = campaigns.find(demo).orElseThrow();
		assertThat(campaigns.status(campaign)).isEqualTo(CampaignStatus.RUNNING);
		assertThat(campaign.targets()).extracting(Campaign.Target::name).containsExactly("枣庄高新区");
		CampaignProgress.Figures figures = campaigns.progress(campaign, accounts.principal("leader")).overall();
		// four patrols of 2 + 2 + 3 + 1 hours, two findings turned into cases; the demo reports of its categories
		// (光明 流动摊贩, 兴安 飞线充电, 松江 侵占公共空间搭建, 兴城花园 乱堆乱放) and those two findings at least
		assertThat(List.of(figures.patrols(), figures.patrolMinutes(), figures.findingsAsCases()))
			.containsExactly(4, 480, 2);
		assertThat(figures.cases()).isGreaterThanOrEqualTo(6);
		mvc.perform(get("/fieldwork/campaigns/" + demo).with(accounts.as("xingcheng")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("兴城花园社区"), containsString("已转案件"),
					containsString("本辖区部分"), not(containsString("欣兴社区")))));
	}

}
