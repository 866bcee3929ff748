package chengguan.catalog;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import chengguan.support.IntegrationTest;
import chengguan.support.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The 部件/事件 taxonomy: seeded from what the seeds name, each leaf with its rules, editable, codes stable. */
@IntegrationTest
class CategoryCatalogTest {

	@Autowired
	CategoryService categories;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theSeededTreeCoversWhatTheSeedsNameWithRulesOnEveryLeaf() {
		List<ReportableCategory> leaves = categories.reportable();
		assertThat(leaves).hasSizeGreaterThanOrEqualTo(80);
		assertThat(leaves).extracting(leaf -> leaf.category().name())
			.contains("暴露垃圾", "垃圾分类不规范", "违规设置户外广告", "机动车乱停", "乱堆乱放", "流动摊贩", "乱涂乱画",
					"私拉乱接线缆", "餐饮油烟扰民", "噪声扰民", "路灯", "燃气泄漏", "供热故障", "供水设施", "侵占绿地",
					"屋顶加建");
		assertThat(leaves).allSatisfy(leaf -> {
			CategoryView c = leaf.category();
			assertThat(c.responsibleDepartment()).isNotBlank();
			assertThat(c.handlingMode()).isNotNull();
			assertThat(c.acceptMinutes()).isPositive();
			assertThat(c.handleMinutes()).isGreaterThanOrEqualTo(c.acceptMinutes());
			assertThat(c.limitBasis()).isNotNull();
			assertThat(c.depth()).isBetween(2, 4);
		});
		assertThat(leaves).extracting(leaf -> leaf.category().kind()).contains(CategoryKind.EVENT, CategoryKind.COMPONENT);
		List<String> topLevels = categories.tree().stream().flatMap(root -> root.children().stream())
			.map(node -> node.category().name()).toList();
		assertThat(topLevels).contains("市容环境", "宣传广告", "施工管理", "突发事件", "街面秩序", "公用设施", "道路交通",
				"园林绿化");
	}

	@Test
	void anAdministratorChangesALeafsRulesAndTheCodeStaysTheSame() throws Exception {
		CategoryView leaf = categories.findByCode("E0207").orElseThrow();
		mvc.perform(post("/catalog/categories/" + leaf.id()).with(accounts.as("admin")).with(csrf())
			.param("name", "乱涂乱画（含小区楼道）")
			.param("sortOrder", "7")
			.param("responsibleDepartment", "社区城管工作站")
			.param("handlingMode", "SELF")
			.param("acceptMinutes", "30")
			.param("handleMinutes", "480")
			.param("limitBasis", "WORKING")
			.param("active", "true")
			.param("code", "XXXX")
			.param("version", Long.toString(leaf.version())))
			.andExpect(status().is3xxRedirection());
		CategoryView changed = categories.find(leaf.id()).orElseThrow();
		assertThat(changed.code()).isEqualTo("E0207");
		assertThat(changed.name()).isEqualTo("乱涂乱画（含小区楼道）");
		assertThat(changed.handleMinutes()).isEqualTo(480);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'CATEGORY_UPDATED' AND target_id = 'E0207'")
			.query(Integer.class).single()).isPositive();

		// the same form sent again with the old version: someone else changed it meanwhile
		mvc.perform(post("/catalog/categories/" + leaf.id()).with(accounts.as("admin")).with(csrf())
			.param("name", "过期的修改").param("handlingMode", "SELF").param("acceptMinutes", "30")
			.param("handleMinutes", "480").param("limitBasis", "WORKING").param("version", Long.toString(leaf.version())))
			.andExpect(status().isConflict());
	}

	@Test
	void onlyAdministratorsEditAndBadLimitsAreRefused() throws Exception {
		CategoryView leaf = categories.findByCode("E0112").orElseThrow();
		mvc.perform(post("/catalog/categories/" + leaf.id()).with(accounts.as("dispatcher")).with(csrf())
			.param("name", "x").param("version", "0")).andExpect(status().isForbidden());
		mvc.perform(post("/catalog/categories/" + leaf.id()).with(accounts.as("admin")).with(csrf())
			.param("name", "露天烧烤").param("handlingMode", "SELF").param("acceptMinutes", "abc")
			.param("handleMinutes", "480").param("limitBasis", "WORKING").param("version", Long.toString(leaf.version())))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("请输入整数")));
	}

	@Test
	void aNewLeafUnderALeafTurnsTheParentIntoAGroup() throws Exception {
		CategoryView parent = categories.findByCode("E0507").orElseThrow();
		mvc.perform(post("/catalog/categories/" + parent.id() + "/children").with(accounts.as("admin")).with(csrf())
			.param("code", "E050701").param("name", "阳台外晾晒").param("handlingMode", "SELF")
			.param("acceptMinutes", "60").param("handleMinutes", "240").param("limitBasis", "CALENDAR")
			.param("active", "true"))
			.andExpect(status().is3xxRedirection());
		assertThat(categories.findByCode("E0507").orElseThrow().leaf()).isFalse();
		assertThat(categories.findByCode("E050701").orElseThrow().reportable()).isTrue();
		mvc.perform(post("/catalog/categories/" + parent.id() + "/children").with(accounts.as("admin")).with(csrf())
			.param("code", "E050701").param("name", "重复编码").param("handlingMode", "SELF")
			.param("acceptMinutes", "60").param("handleMinutes", "240").param("limitBasis", "CALENDAR"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("已被使用")));
	}

	@Test
	void theReportableTreeIsPublic() throws Exception {
		mvc.perform(get("/api/v1/categories"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("\"code\":\"E050101\"")));
		mvc.perform(get("/catalog/categories").with(accounts.as("leader")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("部件")))
			.andExpect(content().string(containsString("事件")));
	}

}
