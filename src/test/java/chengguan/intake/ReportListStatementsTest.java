package chengguan.intake;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import chengguan.support.IntegrationTest;
import chengguan.support.MutableClock;
import chengguan.support.SqlStatementCounter;
import chengguan.support.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The staff report list costs the same few statements with 3 times as many reports: names joined, not looked up. */
@IntegrationTest
@Import(SqlStatementCounter.class)
class ReportListStatementsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SqlStatementCounter statements;

	@Autowired
	TestAccounts accounts;

	@Autowired
	MutableClock clock;

	@Test
	void theReportListCostsTheSameFewStatementsWithThreeTimesTheReports() throws Exception {
		addReports(30);
		int first = statementsFor(get("/intake/reports"));
		int pending = statementsFor(get("/intake/reports").param("status", "PENDING"));
		int secondPage = statementsFor(get("/intake/reports").param("page", "1").header("HX-Request", "true"));
		addReports(60);

		assertThat(first).isLessThanOrEqualTo(12);
		assertThat(statementsFor(get("/intake/reports"))).isEqualTo(first);
		assertThat(statementsFor(get("/intake/reports").param("status", "PENDING"))).isEqualTo(pending);
		assertThat(statementsFor(get("/intake/reports").param("page", "1").header("HX-Request", "true")))
			.isEqualTo(secondPage);
	}

	@Test
	void theListShowsEachReportsCommunityAndCategoryByName() throws Exception {
		String code = addReports(1);
		String page = mvc.perform(get("/intake/reports").param("q", code).with(accounts.as("dispatcher")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String category = jdbc.sql("SELECT name FROM category WHERE id = (SELECT MIN(id) FROM category WHERE leaf)")
			.query(String.class)
			.single();
		assertThat(page).contains(code).contains("德仁社区").contains(category);
	}

	private int statementsFor(MockHttpServletRequestBuilder request) throws Exception {
		mvc.perform(request.with(accounts.as("dispatcher"))).andExpect(status().isOk());
		statements.reset();
		mvc.perform(request.with(accounts.as("dispatcher"))).andExpect(status().isOk());
		return statements.count().statements();
	}

	/** Reports straight in the table (the intake path has its own budget); returns the last tracking code. */
	private String addReports(int count) {
		long community = jdbc.sql("SELECT id FROM region WHERE code = '370471001001'").query(Long.class).single();
		String path = jdbc.sql("SELECT path FROM region WHERE id = ?").param(community).query(String.class).single();
		long category = jdbc.sql("SELECT MIN(id) FROM category WHERE leaf").query(Long.class).single();
		String code = null;
		for (int i = 0; i < count; i++) {
			code = "R" + UUID.randomUUID().toString().replace("-", "").substring(0, 11).toUpperCase();
			jdbc.sql("""
					INSERT INTO report (tracking_code, channel, kind, status, community_id, region_path, category_id,
					                    description, received_at)
					VALUES (?, 'API', 'COMPLAINT', ?, ?, ?, ?, '统计语句用的诉求', ?)""")
				.params(code, i % 2 == 0 ? "PENDING" : "IN_PROGRESS", community, path, category,
						OffsetDateTime.ofInstant(clock.instant().minus(Duration.ofMinutes(i)), ZoneOffset.UTC))
				.update();
		}
		return code;
	}

}
