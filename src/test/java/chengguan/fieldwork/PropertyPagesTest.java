package chengguan.fieldwork;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import chengguan.organization.RegionDetails;
import chengguan.organization.RegionLevel;
import chengguan.organization.RegionService;
import chengguan.organization.RegionView;
import chengguan.support.IntegrationTest;
import chengguan.support.MutableClock;
import chengguan.support.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The 物业监督 pages through the real security filters: the phone form, notices, re-inspections, roles and scope. */
@IntegrationTest
class PropertyPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	RegionService regions;

	@Autowired
	PropertyCompanies companies;

	@Autowired
	PropertyChecklists checklists;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
	}

	private RegionView managedCompound(String communityCode) {
		String code = "P" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		RegionView compound = regions.createChildUnchecked(regions.findByCode(communityCode).orElseThrow(),
				RegionLevel.COMPOUND, new RegionDetails(code, "页面小区" + code, 800, 260, new BigDecimal("0.1"), null, null, 9));
		PropertyCompany company = companies.createUnchecked(
				new PropertyCompanyDetails("页面物业" + code, null, "王经理", "13800009998"), compound.path(), "test");
		companies.assignUnchecked(company.id(), compound, today().minusDays(30));
		return compound;
	}

	/** The inspection form as a phone posts it; {@code points} in the default checklist's order. */
	private MockHttpServletRequestBuilder inspection(RegionView compound, int[] points, String[] remarks) {
		return inspection(compound, java.util.Arrays.stream(points).mapToObj(Integer::toString).toArray(String[]::new),
				remarks);
	}

	private MockHttpServletRequestBuilder inspection(RegionView compound, String[] points, String[] remarks) {
		PropertyChecklist checklist = checklists.defaultChecklist();
		MockHttpServletRequestBuilder post = post("/fieldwork/property/inspections")
			.param("compoundId", Long.toString(compound.id()))
			.param("checklistId", Long.toString(checklist.id()))
			.param("checklistVersion", Long.toString(checklist.version()))
			.param("date", today().toString());
		for (int i = 0; i < points.length; i++) {
			post.param("scores[" + i + "].score", points[i])
				.param("scores[" + i + "].remark", remarks[i] == null ? "" : remarks[i]);
		}
		return post;
	}

	private static final String[] NO_REMARKS = new String[7];

	@Test
	void aLiaisonSavesAnInspectionOnThePhoneFormAndMistakesComeBackWithAChineseMessage() throws Exception {
		RegionView compound = managedCompound("370471001004");
		mvc.perform(get("/fieldwork/property/inspections/new").param("compoundId", Long.toString(compound.id()))
			.with(accounts.as("xingren")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("违建与装修管理（满分 10）")))
			.andExpect(content().string(containsString(compound.name())));

		int[] tooMany = { 25, 15, 15, 15, 15, 10, 10 };
		mvc.perform(inspection(compound, tooMany, NO_REMARKS).with(accounts.as("xingren")).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("“环境卫生”的得分须在 0 至 20 分之间。")))
			.andExpect(content().string(containsString("value=\"25\"")));

		int[] deducted = { 20, 12, 15, 15, 15, 10, 10 };
		mvc.perform(inspection(compound, deducted, NO_REMARKS).with(accounts.as("xingren")).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("“绿化养护”有扣分，请写明扣分原因。")));

		String[] notANumber = { "20", "15", "十五", "15", "15", "10", "10" };
		mvc.perform(inspection(compound, notANumber, NO_REMARKS)
			.with(accounts.as("xingren")).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("请输入整数。")));

		mvc.perform(inspection(compound, deducted, NO_REMARKS).with(accounts.as("xingren")))
			.andExpect(status().isForbidden());
		mvc.perform(inspection(compound, deducted, NO_REMARKS).with(accounts.as("leader")).with(csrf()))
			.andExpect(status().isForbidden());

		String[] remarks = { null, "绿篱未修剪", null, null, null, null, null };
		String location = mvc.perform(inspection(compound, deducted, remarks).with(accounts.as("xingren")).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/fieldwork/property/inspections/*"))
			.andReturn().getResponse().getRedirectedUrl();
		// 20 + 12 + 15 + 15 + 15 + 10 + 10 = 97
		assertThat(jdbc.sql("SELECT total_score FROM property_inspection WHERE compound_id = ?").param(compound.id())
			.query(Integer.class).single()).isEqualTo(97);
		mvc.perform(get(location).with(accounts.as("leader")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("绿篱未修剪")))
			.andExpect(content().string(containsString("优秀")))
			.andExpect(content().string(not(containsString("下发整改通知</button>"))));
		mvc.perform(get(location).with(accounts.as("xingcheng"))).andExpect(status().isNotFound());
	}

	@Test
	void aNoticeIsIssuedFromTheInspectionPageAndReinspectedOnItsOwnPage() throws Exception {
		RegionView compound = managedCompound("370471001005");
		int[] points = { 20, 15, 15, 9, 15, 10, 10 };
		String[] remarks = { null, null, null, "消防通道停放车辆", null, null, null };
		String inspection = mvc.perform(inspection(compound, points, remarks).with(accounts.as("xingren")).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(get(inspection).with(accounts.as("xingren")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("下发整改通知")))
			.andExpect(content().string(containsString("消防通道（扣 6 分）")));

		mvc.perform(post(inspection + "/notice").param("deadline", today().toString())
			.param("requirements[3]", "清理消防通道").with(accounts.as("xingren")).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("整改期限须晚于下发日期。")));
		String notice = mvc.perform(post(inspection + "/notice").param("deadline", today().plusDays(10).toString())
			.param("requirements[3]", "清理消防通道，设置禁停标识").with(accounts.as("xingren")).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();

		mvc.perform(get(notice).with(accounts.as("xingren")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("清理消防通道，设置禁停标识")))
			.andExpect(content().string(containsString("登记复查")));
		mvc.perform(get("/fieldwork/property/notices").with(accounts.as("inspector")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(compound.name())));

		long version = jdbc.sql("SELECT version FROM property_rectification WHERE compound_id = ?").param(compound.id())
			.query(Long.class).single();
		mvc.perform(post(notice + "/reinspections").param("date", today().toString()).param("passed", "false")
			.param("note", "仍有车辆占用").param("version", Long.toString(version))
			.with(accounts.as("xingren")).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("复查不合格时，请填写新的整改期限")));
		mvc.perform(post(notice + "/reinspections").param("date", today().toString()).param("passed", "true")
			.param("note", "已清理").param("version", Long.toString(version))
			.with(accounts.as("xingren")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("SELECT status FROM property_rectification WHERE compound_id = ?").param(compound.id())
			.query(String.class).single()).isEqualTo("RECTIFIED");
	}

	@Test
	void theOverviewCompanyAndChecklistPagesOpenForReadersAndTheOfficeRegistersACompany() throws Exception {
		RegionView compound = managedCompound("370471001006");
		long companyId = companies.current(compound.id()).orElseThrow().companyId();
		mvc.perform(get("/fieldwork/property").with(accounts.as("leader")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("页面物业")))
			.andExpect(content().string(not(containsString("新增物业企业"))));
		mvc.perform(get("/fieldwork/property").with(accounts.as("deren"))).andExpect(status().isForbidden());
		mvc.perform(get("/fieldwork/property/companies/" + companyId).with(accounts.as("xingren")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("echarts.min.js")))
			.andExpect(content().string(containsString(compound.name())));
		mvc.perform(get("/fieldwork/property/companies/" + companyId).with(accounts.as("xingcheng")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/fieldwork/property/checklists").with(accounts.as("inspector")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("物业服务监督检查表")));
		long defaultId = checklists.defaultChecklist().id();
		mvc.perform(get("/fieldwork/property/checklists/" + defaultId + "/edit").with(accounts.as("xingren")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/fieldwork/property/checklists/" + defaultId + "/edit").with(accounts.as("dispatcher")))
			.andExpect(status().isOk());
		mvc.perform(post("/fieldwork/property/checklists").param("name", "合计不足的检查表")
			.param("items[0].name", "环境卫生").param("items[0].maxScore", "60")
			.with(accounts.as("dispatcher")).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("各项满分合计须为 100 分，现为 60 分。")));

		String name = "新登记物业" + UUID.randomUUID().toString().substring(0, 6);
		mvc.perform(post("/fieldwork/property/companies").param("name", name).param("creditCode", "913701")
			.with(accounts.as("dispatcher")).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("统一社会信用代码应为 18 位")));
		String created = mvc.perform(post("/fieldwork/property/companies").param("name", name)
			.param("creditCode", "91350100M000100Y43").param("contactPerson", "李经理").param("phone", "0632-1234567")
			.with(accounts.as("dispatcher")).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		RegionView another = regions.createChildUnchecked(regions.findByCode("370471001006").orElseThrow(),
				RegionLevel.COMPOUND, new RegionDetails("Q" + UUID.randomUUID().toString().substring(0, 8), "新接管小区",
						500, 160, new BigDecimal("0.1"), null, null, 9));
		mvc.perform(post(created + "/compounds").param("compoundId", Long.toString(another.id()))
			.param("from", today().toString()).with(accounts.as("dispatcher")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(companies.current(another.id())).get().extracting(CompoundManagement::companyName).isEqualTo(name);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'PROPERTY_MANAGEMENT_SET' AND target_id = ?")
			.param(Long.toString(another.id())).query(Integer.class).single()).isEqualTo(1);
		mvc.perform(post("/fieldwork/property/companies").param("name", "联络员不能登记")
			.with(accounts.as("xingren")).with(csrf()))
			.andExpect(status().isForbidden());
		// the office sees the new company in its overview with the compound it took over; another street does not
		assertThat(companies.overview(accounts.principal("dispatcher")))
			.filteredOn(overview -> overview.company().name().equals(name))
			.singleElement()
			.satisfies(overview -> assertThat(overview.compounds()).extracting(CompoundManagement::compoundId)
				.containsExactly(another.id()));
		assertThat(companies.overview(accounts.principal("xingcheng")))
			.noneMatch(overview -> overview.company().name().equals(name));
	}

}
