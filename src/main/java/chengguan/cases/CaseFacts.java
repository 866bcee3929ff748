package chengguan.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static chengguan.platform.persistence.DbTime.instant;

/**
 * Per-case facts for figures kept elsewhere (the assessment's rollups): which cases changed after a history entry,
 * and each case's facts in one query over the case and its history. The history's ids only grow, so the id of the
 * last entry someone has taken in is their watermark.
 */
@Service
@Transactional(readOnly = true)
public class CaseFacts {

	private static final String FACTS = """
			SELECT c.id, c.report_id, c.channel, c.state, c.category_id, c.community_id, c.region_path,
			       c.assignee_unit_id, c.assignee_staff_id, c.created_at, c.accept_due_at, c.handle_due_at, c.rework_count,
			       c.excluded_as,
			       MIN(CASE WHEN h.action IN ('ACCEPT', 'RESOLVE_ON_SPOT') THEN h.occurred_at END) AS accepted_at,
			       MAX(CASE WHEN h.action = 'OVERDUE' AND h.from_state IN ('PENDING', 'ACCEPTED') THEN 1 ELSE 0 END)
			           AS accept_overdue,
			       MIN(CASE WHEN h.action = 'DISPATCH' THEN h.occurred_at END) AS dispatched_at,
			       MIN(CASE WHEN h.action = 'REGISTER' THEN h.occurred_at END) AS registered_at,
			       MIN(CASE WHEN h.action = 'FEEDBACK_DONE' THEN h.occurred_at END) AS feedback_at,
			       MAX(CASE WHEN h.to_state = 'CLOSED' AND h.from_state <> 'CLOSED' THEN h.occurred_at END) AS closed_at,
			       MAX(CASE WHEN h.action IN ('OVERDUE', 'ESCALATED')
			                 AND h.from_state IN ('REGISTERED', 'DISPATCHED', 'HANDLING') THEN 1 ELSE 0 END)
			           AS handle_overdue,
			       MAX(CASE WHEN (h.actor = :resident AND h.action IN ('ARCHIVE', 'REOPEN'))
			                 OR h.action IN ('FOLLOW_UP_SATISFIED', 'FOLLOW_UP_DISSATISFIED') THEN h.seq END) AS rated_seq,
			       MAX(CASE WHEN (h.actor = :resident AND h.action = 'ARCHIVE') OR h.action = 'FOLLOW_UP_SATISFIED'
			                THEN h.seq END) AS satisfied_seq,
			       MAX(CASE WHEN h.action = 'APPROVE_EXTENSION' THEN 1 ELSE 0 END) AS extended,
			       MAX(CASE WHEN h.action = 'ARCHIVE' AND h.actor <> :resident THEN 1 ELSE 0 END) AS archived_by_staff,
			       (SELECT COUNT(*) FROM case_call w WHERE w.case_id = c.id AND w.kind = 'WHISTLE'
			          AND (w.overdue_at IS NOT NULL OR w.reported_at > w.report_due_at)) AS late_whistles
			FROM case_file c LEFT JOIN case_history h ON h.case_id = c.id
			""";

	private static final String GROUP = """
			GROUP BY c.id, c.report_id, c.channel, c.state, c.category_id, c.community_id, c.region_path,
			         c.assignee_unit_id, c.assignee_staff_id, c.created_at, c.accept_due_at, c.handle_due_at,
			         c.rework_count, c.excluded_as
			ORDER BY c.id""";

	private final JdbcClient jdbc;

	CaseFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** History entries after the watermark, oldest first, at most {@code limit}. */
	public List<CaseChange> changesAfter(long historyId, int limit) {
		return jdbc.sql("SELECT id, case_id, occurred_at FROM case_history WHERE id > ? ORDER BY id LIMIT " + limit)
			.param(historyId)
			.query((rs, n) -> new CaseChange(rs.getLong(1), rs.getLong(2), instant(rs, 3)))
			.list();
	}

	/** The id of the newest history entry, 0 when there is none. */
	public long lastHistoryId() {
		return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM case_history").query(Long.class).single();
	}

	/** The facts of these cases (at most a few thousand at a time: they go into an IN list). */
	public List<CaseFact> facts(Collection<Long> caseIds) {
		if (caseIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(FACTS + "WHERE c.id IN (:ids)\n" + GROUP)
			.param("resident", CaseService.RESIDENT)
			.param("ids", caseIds)
			.query((rs, n) -> fact(rs))
			.list();
	}

	/** The facts of the next {@code limit} cases after this case id, in id order: for rebuilding from scratch. */
	public List<CaseFact> factsAfter(long caseId, int limit) {
		return jdbc.sql(FACTS + "WHERE c.id > :after AND c.id <= :upTo\n" + GROUP)
			.param("resident", CaseService.RESIDENT)
			.param("after", caseId)
			.param("upTo", caseId + limit)
			.query((rs, n) -> fact(rs))
			.list();
	}

	/** The highest case id, 0 when there are no cases. */
	public long lastCaseId() {
		return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM case_file").query(Long.class).single();
	}

	private static CaseFact fact(ResultSet rs) throws SQLException {
		java.time.Instant dispatched = instant(rs, "dispatched_at");
		return new CaseFact(rs.getLong("id"), rs.getLong("report_id"), rs.getString("channel"),
				CaseState.valueOf(rs.getString("state")), rs.getObject("category_id", Long.class),
				rs.getLong("community_id"), rs.getString("region_path"), rs.getObject("assignee_unit_id", Long.class),
				rs.getObject("assignee_staff_id", Long.class), instant(rs, "created_at"), instant(rs, "accept_due_at"),
				instant(rs, "accepted_at"), rs.getInt("accept_overdue") > 0,
				dispatched != null ? dispatched : instant(rs, "registered_at"), instant(rs, "feedback_at"),
				instant(rs, "closed_at"), instant(rs, "handle_due_at"), rs.getInt("handle_overdue") > 0,
				rs.getInt("rework_count"), rs.getObject("rated_seq") != null, rs.getObject("satisfied_seq") != null,
				rs.getInt("extended") > 0, rs.getInt("archived_by_staff") > 0, rs.getString("excluded_as") != null,
				rs.getInt("late_whistles"));
	}

}
