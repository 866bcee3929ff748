package chengguan.cases;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import chengguan.support.IsolatedDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's year of cases, played through the real services with the platform's own clock rewound on the demo's
 * thread: spread over the year, in every end state, with histories whose hash chains hold.
 */
@SpringBootTest(properties = "chengguan.demo.case-history=true")
class DemoCaseHistoryTest {

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		IsolatedDatabase.register(registry, "demo_history");
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CaseHistory history;

	@Test
	void aYearOfCasesInEveryEndStateWithUnbrokenHistories() {
		OffsetDateTime weekAgo = OffsetDateTime.ofInstant(Instant.now().minus(Duration.ofDays(7)), ZoneOffset.UTC);
		Map<String, Integer> byState = jdbc.sql("SELECT state, COUNT(*) FROM case_file WHERE created_at < ? GROUP BY state")
			.param(weekAgo)
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		assertThat(byState.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(240);
		assertThat(byState.get("ARCHIVED")).isGreaterThan(150);
		assertThat(byState).containsKeys("DECLINED", "CLOSED", "HANDLING");

		List<OffsetDateTime> span = jdbc.sql("SELECT MIN(created_at), MAX(created_at) FROM case_file WHERE created_at < ?")
			.param(weekAgo)
			.query((rs, n) -> List.of(rs.getObject(1, OffsetDateTime.class), rs.getObject(2, OffsetDateTime.class)))
			.single();
		assertThat(Duration.between(span.get(0), span.get(1)).toDays()).isGreaterThan(300);

		// every step is stamped at its own past moment, after the case came in, in order
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM case_history h JOIN case_file c ON c.id = h.case_id
				WHERE h.occurred_at < c.created_at""").query(Integer.class).single()).isZero();
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM case_history h JOIN case_history next ON next.case_id = h.case_id
				    AND next.seq = h.seq + 1
				WHERE next.occurred_at < h.occurred_at""").query(Integer.class).single()).isZero();
		assertThat(history.verify()).isEmpty();
		// ratings arrive on the reports, at their own moments too
		assertThat(jdbc.sql("SELECT COUNT(*) FROM report WHERE rating IS NOT NULL").query(Integer.class).single())
			.isGreaterThan(150);
	}

	@Test
	void theseDaysCasesShowEveryStageOfTheWorkflow() {
		Map<String, Integer> byState = jdbc.sql("""
				SELECT state, COUNT(*) FROM case_file WHERE report_id IN
				    (SELECT id FROM report WHERE description LIKE '（演示）%' AND received_at > ?) GROUP BY state""")
			.param(OffsetDateTime.ofInstant(Instant.now().minus(Duration.ofDays(6)), ZoneOffset.UTC))
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		assertThat(byState).containsKeys("PENDING", "ACCEPTED", "REGISTERED", "DISPATCHED", "HANDLING", "SUSPENDED",
				"FEEDBACK", "CLOSED", "ARCHIVED");
		assertThat(byState.get("CLOSED")).as("closed recently, waiting for 回访").isGreaterThanOrEqualTo(3);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM case_request WHERE kind = 'EXTENSION' AND decided_at IS NULL")
			.query(Integer.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM case_suspension WHERE ended_at IS NULL").query(Integer.class).single())
			.isEqualTo(1);
		assertThat(jdbc.sql("SELECT MAX(return_count) FROM case_file").query(Integer.class).single()).isEqualTo(2);
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM case_task t JOIN case_file c ON c.id = t.case_id
				WHERE t.kind = 'VERIFY_REPORT' AND t.done_at IS NULL AND c.state = 'ACCEPTED'""")
			.query(Integer.class).single()).as("one open 核实 task on an accepted case").isEqualTo(1);
		assertThat(history.verify()).isEmpty();
	}

}
