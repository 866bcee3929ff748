package chengguan.cases;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import chengguan.intake.Channel;
import chengguan.intake.IntakeService;
import chengguan.intake.ReportKind;
import chengguan.intake.ReportSubmission;
import chengguan.support.IntegrationTest;
import chengguan.support.TestAccounts;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The inbox, the filtered list and the case page with its in-place (htmx) steps. */
@IntegrationTest
class CasePagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	IntakeService intake;

	@Autowired
	CaseService cases;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	private CaseView newCase(String description) {
		long reportId = intake.submitFromResident(ReportSubmission.fromResident(Channel.API, "370471001001", "E0207",
				ReportKind.COMPLAINT, description, null, null, null, null, null, List.of(), null, null)).id();
		return cases.forReport(reportId, TestAccounts.EVERYWHERE).orElseThrow();
	}

	@Test
	void theDispatcherFindsANewCaseInTheInboxAndAcceptsItInPlace() throws Exception {
		CaseView c = newCase("墙上被人喷涂了小广告电话号码");
		mvc.perform(get("/cases").param("inbox", "TO_ACCEPT").with(accounts.as("dispatcher")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(c.trackingCode())))
			.andExpect(content().string(containsString("待受理")));
		mvc.perform(get("/cases/" + c.id()).with(accounts.as("dispatcher")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("墙上被人喷涂了小广告电话号码")))
			.andExpect(content().string(containsString("/cases/" + c.id() + "/actions/ACCEPT")))
			.andExpect(content().string(containsString("/cases/" + c.id() + "/actions/DECLINE")));

		mvc.perform(post("/cases/" + c.id() + "/actions/ACCEPT").param("version", Long.toString(c.version()))
			.header("HX-Request", "true").with(accounts.as("dispatcher")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"case-panel\"")))
			.andExpect(content().string(containsString("已受理")))
			.andExpect(content().string(containsString("/actions/REGISTER")))
			.andExpect(content().string(not(containsString("<html"))));

		// someone else, still looking at the old page, accepts too
		mvc.perform(post("/cases/" + c.id() + "/actions/ACCEPT").param("version", Long.toString(c.version()))
			.header("HX-Request", "true").with(accounts.as("admin")).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(header().string("HX-Retarget", "#flash"))
			.andExpect(content().string(containsString("已被他人处理")));
	}

	@Test
	void aHandlerIsNotOfferedTheDispatchersStepsAndCannotTakeThem() throws Exception {
		CaseView c = newCase("楼道墙面乱涂乱画严重");
		mvc.perform(get("/cases/" + c.id()).with(accounts.as("handler")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/actions/ACCEPT"))));
		mvc.perform(post("/cases/" + c.id() + "/actions/ACCEPT").param("version", Long.toString(c.version()))
			.with(accounts.as("handler")).with(csrf()))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("您的角色不能进行「受理」")));
	}

	@Test
	void anotherStreetSeesNeitherTheCaseNorItInTheList() throws Exception {
		CaseView c = newCase("德仁社区的乱涂乱画问题");
		mvc.perform(get("/cases/" + c.id()).with(accounts.as("xingcheng"))).andExpect(status().isNotFound());
		mvc.perform(get("/cases").param("inbox", "ALL").with(accounts.as("xingcheng")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(c.trackingCode()))));
	}

	@Test
	void theListFiltersByChannelCommunityAndDate() throws Exception {
		CaseView c = newCase("按渠道和社区筛选的案件");
		long deren = jdbc.sql("SELECT id FROM region WHERE code = '370471001001'").query(Long.class).single();
		long xingxin = jdbc.sql("SELECT id FROM region WHERE code = '370471003009'").query(Long.class).single();
		long xingrenStreet = jdbc.sql("SELECT id FROM region WHERE code = '370471001'").query(Long.class).single();
		mvc.perform(get("/cases").param("inbox", "ALL").param("regionId", Long.toString(xingrenStreet))
			.with(accounts.as("dispatcher")))
			.andExpect(content().string(containsString(c.trackingCode())));
		mvc.perform(get("/cases").param("inbox", "ALL").param("channel", "API").param("regionId", Long.toString(deren))
			.with(accounts.as("dispatcher")))
			.andExpect(content().string(containsString(c.trackingCode())));
		mvc.perform(get("/cases").param("inbox", "ALL").param("regionId", Long.toString(xingxin))
			.with(accounts.as("dispatcher")))
			.andExpect(content().string(not(containsString(c.trackingCode()))));
		mvc.perform(get("/cases").param("inbox", "ALL").param("channel", "PHONE").with(accounts.as("dispatcher")))
			.andExpect(content().string(not(containsString(c.trackingCode()))));
		mvc.perform(get("/cases").param("inbox", "ALL").param("from", "2099-01-01").with(accounts.as("dispatcher")))
			.andExpect(content().string(containsString("没有符合条件的案件")));
		mvc.perform(get("/cases").param("from", "not-a-date").with(accounts.as("dispatcher")))
			.andExpect(status().isBadRequest());
	}


	@Test
	void aCommunityWhistlesFromTheCasePageAndTheCalledUnitReportsIn() throws Exception {
		CaseView c = newCase("商铺违规扩建，社区劝阻无效");
		long municipal = jdbc.sql("SELECT id FROM org_unit WHERE name = '市政管理科'").query(Long.class).single();
		mvc.perform(post("/cases/" + c.id() + "/whistle").param("unitId", Long.toString(municipal)).param("note", "请速到场")
			.header("HX-Request", "true").with(accounts.as("deren")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("待报到")))
			.andExpect(content().string(containsString("请速到场")));
		long callId = jdbc.sql("SELECT id FROM case_call WHERE case_id = ?").param(c.id()).query(Long.class).single();
		mvc.perform(get("/cases/" + c.id()).with(accounts.as("handler")))
			.andExpect(content().string(containsString("/calls/" + callId + "/report-in")));
		mvc.perform(get("/cases/" + c.id()).with(accounts.as("dispatcher")))
			.andExpect(content().string(not(containsString("/calls/" + callId + "/report-in"))));
		mvc.perform(post("/cases/" + c.id() + "/calls/" + callId + "/report-in").header("HX-Request", "true")
			.with(accounts.as("handler")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已报到")));
		mvc.perform(post("/cases/" + c.id() + "/supervision").param("order", "请今天内答复").param("due", "2000-01-01T10:00")
			.header("HX-Request", "true").with(accounts.as("inspector")).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("督办期限须晚于现在")));
	}


	@Test
	void aHandlersInboxHoldsWhatWasDispatchedToTheirUnitAndCallsToIt() throws Exception {
		chengguan.platform.security.StaffPrincipal dispatcher = accounts.principal("dispatcher");
		long municipal = jdbc.sql("SELECT id FROM org_unit WHERE name = '市政管理科'").query(Long.class).single();
		long greenery = jdbc.sql("SELECT id FROM org_unit WHERE name = '园林绿化科'").query(Long.class).single();
		CaseView ours = dispatchTo(newCase("派给市政管理科的案件"), municipal, dispatcher);
		CaseView theirs = dispatchTo(newCase("派给园林绿化科的案件"), greenery, dispatcher);
		CaseView pending = newCase("还没派遣的案件");
		mvc.perform(get("/cases").param("inbox", "MINE").with(accounts.as("handler")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(ours.trackingCode())))
			.andExpect(content().string(not(containsString(theirs.trackingCode()))))
			.andExpect(content().string(not(containsString(pending.trackingCode()))));
		mvc.perform(get("/cases").param("inbox", "MINE").with(accounts.as("dispatcher")))
			.andExpect(content().string(containsString(pending.trackingCode())));
	}

	private CaseView dispatchTo(CaseView c, long unit, chengguan.platform.security.StaffPrincipal who) {
		c = cases.act(c.id(), CaseAction.ACCEPT, c.version(), null, null, who);
		c = cases.act(c.id(), CaseAction.REGISTER, c.version(), null, null, who);
		return cases.act(c.id(), CaseAction.DISPATCH, c.version(), null, unit, who);
	}


	@Test
	void anAnonymousVisitToAStaffPageGetsTheSignInPageButNoSession() throws Exception {
		org.springframework.test.web.servlet.MvcResult result = mvc.perform(get("/cases"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		org.assertj.core.api.Assertions.assertThat(result.getRequest().getSession(false)).isNull();
	}

}
