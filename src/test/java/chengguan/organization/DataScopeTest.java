package chengguan.organization;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import chengguan.platform.security.Role;
import chengguan.support.IntegrationTest;
import chengguan.support.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A 兴城街道 user can neither read nor change 兴仁街道's data; each attempt is a 404 and an audit entry. */
@IntegrationTest
class DataScopeTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	RegionService regions;

	@Autowired
	JdbcClient jdbc;

	private long xingren;

	private long deren;

	private long xingchengGarden;

	@BeforeEach
	void findRegions() {
		xingren = regions.findByCode("370471001").orElseThrow().id();
		deren = regions.findByCode("370471001001").orElseThrow().id();
		xingchengGarden = regions.findByCode("370471002007").orElseThrow().id();
	}

	@Test
	void anotherStreetsRegionsAndAssignmentsAreNotFound() throws Exception {
		String xingchengAdmin = accounts.newAccount("xc-admin", "370471002", Role.ADMIN);
		mvc.perform(get("/org/regions").param("id", String.valueOf(xingren)).with(accounts.as(xingchengAdmin)))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("无权查看")));
		mvc.perform(get("/org/regions/" + deren + "/panel").with(accounts.as(xingchengAdmin)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/org/assignments/" + deren).with(accounts.as(xingchengAdmin))).andExpect(status().isNotFound());

		assertThat(deniedAttempts(xingchengAdmin)).containsExactlyInAnyOrder("region:" + xingren, "region:" + deren,
				"region:" + deren);
	}

	@Test
	void anotherStreetsDataCannotBeChanged() throws Exception {
		String xingchengAdmin = accounts.newAccount("xc-editor", "370471002", Role.ADMIN);
		RegionView before = regions.find(deren).orElseThrow();

		mvc.perform(post("/org/regions/" + deren).with(accounts.as(xingchengAdmin))
			.with(csrf())
			.param("code", before.code())
			.param("name", "被篡改的社区")
			.param("sortOrder", "1")
			.param("version", String.valueOf(before.version()))).andExpect(status().isNotFound());
		mvc.perform(post("/org/regions/" + xingren + "/children").with(accounts.as(xingchengAdmin))
			.with(csrf())
			.param("level", "COMMUNITY")
			.param("code", "X-1")
			.param("name", "新社区")).andExpect(status().isNotFound());
		mvc.perform(post("/org/assignments/" + deren).with(accounts.as(xingchengAdmin))
			.with(csrf())
			.param("contactName", "篡改")).andExpect(status().isNotFound());

		assertThat(regions.find(deren).orElseThrow().name()).isEqualTo("德仁社区");
		assertThat(regions.findByCode("X-1")).isEmpty();
		assertThat(deniedAttempts(xingchengAdmin)).hasSize(3);
	}

	@Test
	void anotherStreetsStaffAreHiddenButTheBureauAboveIsVisible() throws Exception {
		mvc.perform(get("/org/staff").with(accounts.as("xingcheng")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("王磊"))) // 兴城中队, own street
			.andExpect(content().string(containsString("周明辉"))) // bureau 科长, above the street
			.andExpect(content().string(not(containsString("张伟")))); // 兴仁中队, another street

		long zhangWei = jdbc.sql("SELECT id FROM staff WHERE phone = '13800003001'").query(Long.class).single();
		mvc.perform(get("/org/staff/" + zhangWei).with(accounts.as("xingcheng"))).andExpect(status().isNotFound());
	}

	@Test
	void theAssignmentTableShowsOnlyTheStreetsOwnCommunities() throws Exception {
		mvc.perform(get("/org/assignments").with(accounts.as("xingcheng")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("兴城花园社区")))
			.andExpect(content().string(containsString("锦绣园社区")))
			.andExpect(content().string(not(containsString("德仁社区"))));
	}

	@Test
	void aStreetUserWorksOnTheirOwnCommunities() throws Exception {
		mvc.perform(get("/org/assignments/" + deren).with(accounts.as("xingren")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("德仁社区")));
		mvc.perform(get("/org/regions").param("id", String.valueOf(xingchengGarden)).with(accounts.as("xingcheng")))
			.andExpect(status().isOk());
	}

	@Test
	void aCommunityUserSeesOnlyTheirCommunity() throws Exception {
		mvc.perform(get("/org/regions").with(accounts.as("deren")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("德仁花园小区")))
			.andExpect(content().string(not(containsString("光明社区"))));
	}

	private List<String> deniedAttempts(String username) {
		return jdbc.sql("SELECT target_type, target_id FROM audit_event WHERE actor = ? AND action = 'SCOPE_DENIED'")
			.param(username)
			.query((rs, n) -> rs.getString("target_type") + ":" + rs.getString("target_id"))
			.list();
	}

}
