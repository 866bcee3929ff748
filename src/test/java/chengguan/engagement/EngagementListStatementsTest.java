package chengguan.engagement;

import java.time.LocalDate;
import java.time.LocalTime;
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
 * The engagement and field-work lists cost the same few statements with 3 times as many needs, events, meetings
 * and duty logs.
 */
@IntegrationTest
@Import(SqlStatementCounter.class)
class EngagementListStatementsTest {

	static final String[] LISTS = { "/engagement/needs", "/engagement/events", "/engagement/deliberations",
			"/engagement/surveys", "/engagement/volunteers", "/engagement/merchants", "/fieldwork/logs",
			"/fieldwork/ledgers" };

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
	void everyListCostsTheSameFewStatementsWithThreeTimesTheRows() throws Exception {
		addRows(20);
		Map<String, Integer> before = statementsPerList();
		addRows(40);
		Map<String, Integer> after = statementsPerList();
		System.out.println("statements per list view: " + before);

		assertThat(before).allSatisfy((list, count) -> assertThat(count).as(list).isLessThanOrEqualTo(12));
		assertThat(after).isEqualTo(before);
	}

	private Map<String, Integer> statementsPerList() throws Exception {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (String list : LISTS) {
			mvc.perform(get(list).with(accounts.as("dispatcher"))).andExpect(status().isOk());
			statements.reset();
			mvc.perform(get(list).with(accounts.as("dispatcher"))).andExpect(status().isOk());
			counts.put(list, statements.count().statements());
		}
		return counts;
	}

	/** Needs, events, meetings and duty logs in the demo community, straight in their tables. */
	private void addRows(int count) {
		long community = jdbc.sql("SELECT id FROM region WHERE code = '370471001001'").query(Long.class).single();
		String path = jdbc.sql("SELECT path FROM region WHERE id = ?").param(community).query(String.class).single();
		long staff = jdbc.sql("SELECT MIN(id) FROM staff").query(Long.class).single();
		OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
		LocalDate today = now.toLocalDate();
		for (int i = 0; i < count; i++) {
			jdbc.sql("""
					INSERT INTO need (community_id, region_path, kind, source, content, status, received_at, updated_at)
					VALUES (?, ?, 'SUGGESTION', 'VISIT', '统计语句用的需求', 'PENDING', ?, ?)""")
				.params(community, path, now.minusHours(i), now.minusHours(i))
				.update();
			jdbc.sql("""
					INSERT INTO publicity_event (code, title, kind, community_id, region_path, place, event_date,
					                             start_time, end_time, capacity, organiser_staff_id, status,
					                             created_by, created_at)
					VALUES (?, '统计语句用的活动', 'LAW_PUBLICITY', ?, ?, '社区广场', ?, ?, ?, 30, ?, 'PLANNED', 'test', ?)""")
				.params("T" + UUID.randomUUID().toString().replace("-", "").substring(0, 12), community, path,
						today.plusDays(i % 7 - 3), LocalTime.of(9, 0), LocalTime.of(11, 0), staff, now)
				.update();
			jdbc.sql("""
					INSERT INTO deliberation_meeting (community_id, region_path, kind, title, meeting_date, agenda,
					                                  created_by, created_at)
					VALUES (?, ?, 'ROUND_TABLE', '统计语句用的议事', ?, '议题', 'test', ?)""")
				.params(community, path, today.minusDays(i), now)
				.update();
			jdbc.sql("""
					INSERT INTO duty_log (community_id, region_path, log_date, start_time, end_time, work_items,
					                      what_was_done, created_by, created_at)
					VALUES (?, ?, ?, ?, ?, 'PATROL', '统计语句用的日志', 'test', ?)""")
				.params(community, path, today, LocalTime.of(9, 0), LocalTime.of(10, 0), now)
				.update();
		}
	}

}
