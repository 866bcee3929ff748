package chengguan.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static chengguan.platform.persistence.DbTime.instant;
import static chengguan.platform.persistence.DbTime.utc;

/**
 * The rows behind the approval steps of {@link CaseAction}: requests (延期, 挂起, 无理/重复诉求) with their decisions,
 * and the intervals a case stood still. Only {@link CaseService} writes them, inside a step's transaction and under
 * the case's version check, so two people never both open or decide the same request.
 */
@Component
public class CaseRequests {

	/** A request nobody has decided yet. */
	public record Pending(long id, RequestKind kind, RequestReason reason, String note, Instant requestedDueAt,
			String requestedBy, Instant requestedAt) {
	}

	/** A request as the case page lists it; {@code approved} is null while it is pending. */
	public record Request(long id, RequestKind kind, RequestReason reason, String note, Instant requestedDueAt,
			String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt, Boolean approved,
			String decisionNote, Instant grantedDueAt) {

		public boolean pending() {
			return decidedAt == null;
		}

	}

	/** One time a case stood still; {@code endedAt} is null while it still waits. */
	public record Suspension(long id, long caseId, RequestReason reason, Instant startedAt, Instant endedAt) {
	}

	private final JdbcClient jdbc;

	CaseRequests(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Pending> pending(long caseId, RequestKind kind) {
		return Optional.ofNullable(pendingOf(caseId).get(kind));
	}

	Map<RequestKind, Pending> pendingOf(long caseId) {
		Map<RequestKind, Pending> pending = new EnumMap<>(RequestKind.class);
		jdbc.sql("""
				SELECT id, kind, reason_kind, note, requested_due_at, requested_by, requested_at
				FROM case_request WHERE case_id = ? AND decided_at IS NULL ORDER BY id""")
			.param(caseId)
			.query(rs -> {
				Pending p = new Pending(rs.getLong(1), RequestKind.valueOf(rs.getString(2)), reason(rs.getString(3)),
						rs.getString(4), instant(rs, 5), rs.getString(6), instant(rs, 7));
				pending.put(p.kind(), p);
			});
		return pending;
	}

	List<Request> all(long caseId) {
		return jdbc.sql("""
				SELECT id, kind, reason_kind, note, requested_due_at, requested_by, requested_at, decided_by, decided_at,
				       approved, decision_note, granted_due_at
				FROM case_request WHERE case_id = ? ORDER BY id""")
			.param(caseId)
			.query((rs, n) -> request(rs))
			.list();
	}

	void open(long caseId, RequestKind kind, RequestReason reason, String note, Instant requestedDue, String by,
			Instant at) {
		jdbc.sql("""
				INSERT INTO case_request (case_id, kind, reason_kind, note, requested_due_at, requested_by, requested_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(caseId, kind.name(), reason == null ? null : reason.name(), note, utc(requestedDue), by, utc(at))
			.update();
	}

	void decide(long requestId, String by, Instant at, boolean approved, String note, Instant grantedDue) {
		int changed = jdbc.sql("""
				UPDATE case_request SET decided_by = ?, decided_at = ?, approved = ?, decision_note = ?, granted_due_at = ?
				WHERE id = ? AND decided_at IS NULL""")
			.params(by, utc(at), approved, note, utc(grantedDue), requestId)
			.update();
		if (changed != 1) {
			throw new IllegalStateException("Request " + requestId + " was decided twice under one case version");
		}
	}

	void startSuspension(long caseId, long requestId, RequestReason reason, Instant at) {
		jdbc.sql("""
				INSERT INTO case_suspension (case_id, request_id, reason_kind, started_at) VALUES (?, ?, ?, ?)""")
			.params(caseId, requestId, reason.name(), utc(at))
			.update();
	}

	Optional<Suspension> openSuspension(long caseId) {
		return jdbc.sql("""
				SELECT id, case_id, reason_kind, started_at, ended_at FROM case_suspension
				WHERE case_id = ? AND ended_at IS NULL""")
			.param(caseId)
			.query((rs, n) -> suspension(rs))
			.optional();
	}

	void endSuspension(long suspensionId, Instant at, String by, Instant dueBefore, Instant dueAfter) {
		jdbc.sql("""
				UPDATE case_suspension SET ended_at = ?, resumed_by = ?, due_before = ?, due_after = ?
				WHERE id = ? AND ended_at IS NULL""")
			.params(utc(at), by, utc(dueBefore), utc(dueAfter), suspensionId)
			.update();
	}

	/** Every time this case stood still, oldest first: what its remaining time is recomputed from. */
	public List<Suspension> suspensions(long caseId) {
		return jdbc.sql("""
				SELECT id, case_id, reason_kind, started_at, ended_at FROM case_suspension WHERE case_id = ? ORDER BY id""")
			.param(caseId)
			.query((rs, n) -> suspension(rs))
			.list();
	}

	private static Suspension suspension(ResultSet rs) throws SQLException {
		return new Suspension(rs.getLong(1), rs.getLong(2), RequestReason.valueOf(rs.getString(3)), instant(rs, 4),
				instant(rs, 5));
	}

	private static Request request(ResultSet rs) throws SQLException {
		return new Request(rs.getLong(1), RequestKind.valueOf(rs.getString(2)), reason(rs.getString(3)),
				rs.getString(4), instant(rs, 5), rs.getString(6), instant(rs, 7), rs.getString(8), instant(rs, 9),
				rs.getObject(10) == null ? null : rs.getBoolean(10), rs.getString(11), instant(rs, 12));
	}

	private static RequestReason reason(String name) {
		return name == null ? null : RequestReason.valueOf(name);
	}

}
