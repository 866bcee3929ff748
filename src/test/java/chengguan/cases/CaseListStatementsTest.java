package chengguan.cases;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import chengguan.support.IntegrationTest;
import chengguan.support.MutableClock;
import chengguan.support.SqlStatementCounter;
import chengguan.support.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every tab of the case inbox costs the same few statements with 3 times as many open cases: one paged query for
 * the rows (names joined in), one for all the badges, and a fixed few for the page around them.
 */
@IntegrationTest
@Import(SqlStatementCounter.class)
class CaseListStatementsTest {

	static final int MAX_PER_PAGE = 12;

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
	void everyTabCostsTheSameFewStatementsWithThreeTimesTheCases() throws Exception {
		addOpenCases(30);
		Map<String, Integer> before = statementsPerTab();
		addOpenCases(60);
		Map<String, Integer> after = statementsPerTab();
		System.out.println("statements per /cases view: " + before);

		assertThat(before).allSatisfy((tab, count) -> assertThat(count).as(tab).isLessThanOrEqualTo(MAX_PER_PAGE));
		assertThat(after).isEqualTo(before);
	}

	@Test
	void theDueSoonTabIsPagedLikeTheOthers() throws Exception {
		addOpenCases(180);
		// a third of them due soon: more than one page of 50 in the tab
		String firstPage = mvc.perform(get("/cases").param("inbox", "DUE_SOON").with(accounts.as("dispatcher")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(firstPage).contains("下一页").contains("page=1");
		assertThat(firstPage.split("<tr>", -1).length - 2).isEqualTo(CaseFilter.PAGE_SIZE);
	}

	private Map<String, Integer> statementsPerTab() throws Exception {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (String user : new String[] { "dispatcher", "handler" }) {
			for (CaseInbox inbox : CaseInbox.values()) {
				// warm: the first request of an account may load what later ones find cached
				mvc.perform(get("/cases").param("inbox", inbox.name()).with(accounts.as(user)))
					.andExpect(status().isOk());
				statements.reset();
				mvc.perform(get("/cases").param("inbox", inbox.name()).with(accounts.as(user)))
					.andExpect(status().isOk());
				counts.put(user + " " + inbox, statements.count().statements());
			}
			statements.reset();
			mvc.perform(get("/cases").param("inbox", "ALL").param("page", "1").param("state", "PENDING")
				.header("HX-Request", "true").with(accounts.as(user))).andExpect(status().isOk());
			counts.put(user + " ALL page 2 (htmx)", statements.count().statements());
		}
		return counts;
	}

	/**
	 * Open cases straight in the tables (the intake path has its own statement budget): a third overdue, a third
	 * due soon, a third on time, half of them dispatched to a unit.
	 */
	private void addOpenCases(int count) {
		long community = jdbc.sql("SELECT id FROM region WHERE code = '370471001001'").query(Long.class).single();
		String path = jdbc.sql("SELECT path FROM region WHERE id = ?").param(community).query(String.class).single();
		long category = jdbc.sql("SELECT MIN(id) FROM category WHERE leaf").query(Long.class).single();
		long unit = jdbc.sql("SELECT MIN(id) FROM org_unit").query(Long.class).single();
		Instant now = clock.instant();
		for (int i = 0; i < count; i++) {
			String code = "S" + UUID.randomUUID().toString().replace("-", "").substring(0, 11).toUpperCase();
			Instant created = now.minus(Duration.ofMinutes(100 + i));
			Instant due = switch (i % 3) {
				case 0 -> now.minus(Duration.ofMinutes(5));
				case 1 -> now.plus(Duration.ofMinutes(5));
				default -> now.plus(Duration.ofDays(10));
			};
			boolean dispatched = i % 2 == 0;
			// the stored 80 % warning, as the work calendar would store it for a natural-time limit
			Instant warn = created.plus(Duration.between(created, due).multipliedBy(4).dividedBy(5));
			jdbc.sql("""
					INSERT INTO report (tracking_code, channel, kind, status, community_id, region_path, category_id,
					                    description, received_at)
					VALUES (?, 'API', 'COMPLAINT', 'IN_PROGRESS', ?, ?, ?, '统计语句用的案件', ?)""")
				.params(code, community, path, category, utc(created))
				.update();
			long report = jdbc.sql("SELECT id FROM report WHERE tracking_code = ?").param(code).query(Long.class)
				.single();
			jdbc.sql("""
					INSERT INTO case_file (report_id, tracking_code, channel, state, category_id, community_id,
					                       region_path, assignee_unit_id, accept_due_at, accept_warn_at, handle_started_at,
					                       handle_due_at, handle_warn_at, created_at)
					VALUES (?, ?, 'API', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(report, code, dispatched ? "DISPATCHED" : "PENDING", category, community, path,
						dispatched ? unit : null, utc(dispatched ? created.plus(Duration.ofMinutes(10)) : due),
						dispatched ? null : utc(warn), dispatched ? utc(created) : null, dispatched ? utc(due) : null,
						dispatched ? utc(warn) : null, utc(created))
				.update();
		}
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
