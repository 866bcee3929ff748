package chengguan.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import chengguan.platform.security.Role;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.storage.FileStorage;
import chengguan.platform.storage.ImageNormalizer;
import chengguan.platform.web.ConflictException;
import chengguan.platform.web.InvalidRequestException;
import chengguan.platform.web.NotFoundException;
import chengguan.platform.web.UserFacingException;

import static chengguan.platform.persistence.DbTime.instant;
import static chengguan.platform.persistence.DbTime.utc;

/**
 * 核实 and 核查 as tasks (issue 16): the dispatcher sends someone on site to verify a report before 立案 or to check
 * the result after 反馈. The result informs the dispatcher and does not move the case: 立案/不予立案 and 核查通过/不通过
 * stay the dispatcher's steps. Sending and recording are case history entries, so the HMAC chain covers them and the
 * result's photos are served like every step's.
 */
@Service
public class CaseTasks {

	public enum Kind {
		VERIFY_REPORT(CaseState.ACCEPTED, "核实"), CHECK_RESULT(CaseState.FEEDBACK, "核查");

		private final CaseState from;

		private final String label;

		Kind(CaseState from, String label) {
			this.from = from;
			this.label = label;
		}

		public String label() {
			return label;
		}

		boolean accepts(Result result) {
			return this == VERIFY_REPORT ? result == Result.CONFIRMED || result == Result.NOT_CONFIRMED
					: result == Result.PASSED || result == Result.FAILED;
		}
	}

	public enum Result {
		CONFIRMED("属实"), NOT_CONFIRMED("不属实"), PASSED("核查通过"), FAILED("核查不通过");

		private final String label;

		Result(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** A task as the case page shows it; {@code doneAt} is null while it is open. */
	public record Task(long id, long caseId, Kind kind, long assigneeStaffId, String assigneeName, String requestedBy,
			Instant requestedAt, String requestNote, Instant dueAt, String doneBy, Instant doneAt, Result result,
			String note, Double latitude, Double longitude, Double accuracy) {

		public boolean open() {
			return doneAt == null;
		}

	}

	/** Someone a task may be sent to: active staff of a unit whose region covers, or lies within, the case's. */
	public record Candidate(long id, String name, String unitName) {
	}

	/** What the person on site found. */
	public record Finding(Result result, String note, List<byte[]> photos, Double latitude, Double longitude,
			Double accuracy) {

		public Finding {
			photos = photos == null ? List.of() : List.copyOf(photos);
		}

	}

	private static final int MAX_PHOTOS = 6;

	private final JdbcClient jdbc;

	private final CaseService cases;

	private final CaseHistory history;

	private final DueTimes dueTimes;

	private final StageLimits limits;

	private final ImageNormalizer images;

	private final FileStorage files;

	private final Clock clock;

	CaseTasks(JdbcClient jdbc, CaseService cases, CaseHistory history, DueTimes dueTimes, StageLimits limits,
			ImageNormalizer images, FileStorage files, Clock clock) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.history = history;
		this.dueTimes = dueTimes;
		this.limits = limits;
		this.images = images;
		this.files = files;
		this.clock = clock;
	}

	/** 派发核实/核查: only a dispatcher (or admin), from 已受理 (核实) or 已反馈 (核查), one open task of a kind at a time. */
	@Transactional
	public Task send(long caseId, Kind kind, long staffId, String note, StaffPrincipal who) {
		CaseView c = cases.get(caseId, who);
		if (!who.hasAnyRole(Role.DISPATCHER, Role.ADMIN)) {
			throw new UserFacingException(HttpStatus.FORBIDDEN, "case.task.dispatcherOnly");
		}
		// one writer per case at a time: the check for an open task and the insert do not interleave
		jdbc.sql("SELECT id FROM case_file WHERE id = ? FOR UPDATE").param(caseId).query(Long.class).single();
		if (c.state() != kind.from) {
			throw new ConflictException("case.task.notFromState", kind.label());
		}
		if (!candidates(c).stream().anyMatch(candidate -> candidate.id() == staffId)) {
			throw new InvalidRequestException("case.task.staffNotAvailable");
		}
		boolean alreadyOpen = jdbc.sql("SELECT COUNT(*) FROM case_task WHERE case_id = ? AND kind = ? AND done_at IS NULL")
			.params(caseId, kind.name())
			.query(Long.class)
			.single() > 0;
		if (alreadyOpen) {
			throw new ConflictException("case.task.alreadyOpen", kind.label());
		}
		Instant now = clock.instant();
		StageLimits.Limit limit = kind == Kind.VERIFY_REPORT ? limits.register() : limits.verify();
		Instant due = dueTimes.deadline(now, limit.timeLimit(), c.regionPath()).dueAt();
		String trimmed = trim(note);
		jdbc.sql("""
				INSERT INTO case_task (case_id, kind, assignee_staff_id, requested_by, requested_at, request_note, due_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(caseId, kind.name(), staffId, who.username(), utc(now), trimmed, utc(due))
			.update();
		String name = candidates(c).stream().filter(x -> x.id() == staffId).findFirst().map(Candidate::name).orElse("");
		history.append(caseId, now, who.username(), "TASK_" + kind.name(), c.state(), c.state(),
				"派发" + kind.label() + "给 " + name + (trimmed == null ? "" : "：" + trimmed));
		return open(caseId).stream().filter(t -> t.kind() == kind).findFirst().orElseThrow();
	}

	/** 记录核实/核查结果: the assignee or a dispatcher; a task already done is refused (409). */
	@Transactional
	public Task record(long caseId, long taskId, Finding finding, StaffPrincipal who) {
		CaseView c = cases.get(caseId, who);
		jdbc.sql("SELECT id FROM case_file WHERE id = ? FOR UPDATE").param(caseId).query(Long.class).single();
		Task task = tasks(caseId).stream().filter(t -> t.id() == taskId).findFirst().orElseThrow(NotFoundException::new);
		boolean coordinator = who.hasAnyRole(Role.DISPATCHER, Role.ADMIN);
		if (!coordinator && (who.staffId() == null || who.staffId() != task.assigneeStaffId())) {
			throw new UserFacingException(HttpStatus.FORBIDDEN, "case.task.notYours");
		}
		if (!task.open()) {
			throw new ConflictException("case.task.alreadyDone", task.kind().label());
		}
		if (finding.result() == null || !task.kind().accepts(finding.result())) {
			throw new InvalidRequestException("case.task.resultRequired");
		}
		if (finding.photos().size() > MAX_PHOTOS) {
			throw new InvalidRequestException("report.photos.tooMany", MAX_PHOTOS);
		}
		if (finding.latitude() != null && (finding.latitude() < -90 || finding.latitude() > 90)
				|| finding.longitude() != null && (finding.longitude() < -180 || finding.longitude() > 180)) {
			throw new InvalidRequestException("case.task.badPosition");
		}
		List<String> photoIds = finding.photos()
			.stream()
			.map(images::normalize)
			.map(jpeg -> files.store(jpeg, ImageNormalizer.OUTPUT_TYPE))
			.toList();
		Instant now = clock.instant();
		String note = trim(finding.note());
		int changed = jdbc.sql("""
				UPDATE case_task SET done_by = ?, done_at = ?, result = ?, note = ?, latitude = ?, longitude = ?, accuracy_m = ?
				WHERE id = ? AND done_at IS NULL""")
			.params(who.username(), utc(now), finding.result().name(), note, finding.latitude(), finding.longitude(),
					finding.accuracy(), taskId)
			.update();
		if (changed != 1) {
			throw new ConflictException("case.task.alreadyDone", task.kind().label());
		}
		String position = finding.latitude() == null || finding.longitude() == null ? ""
				: String.format("（位置 %.6f, %.6f）", finding.latitude(), finding.longitude());
		history.append(caseId, now, who.username(), "TASK_" + task.kind().name() + "_DONE", c.state(), c.state(),
				task.kind().label() + "结果：" + finding.result().label() + position + (note == null ? "" : "：" + note),
				photoIds);
		return tasks(caseId).stream().filter(t -> t.id() == taskId).findFirst().orElseThrow();
	}

	/** Every task of the case, oldest first, for someone who may see the case. */
	@Transactional(readOnly = true)
	public List<Task> tasks(long caseId, StaffPrincipal who) {
		cases.get(caseId, who);
		return tasks(caseId);
	}

	/** Who a task of this case may be sent to, for someone who may see the case. */
	@Transactional(readOnly = true)
	public List<Candidate> candidates(long caseId, StaffPrincipal who) {
		return candidates(cases.get(caseId, who));
	}

	private List<Candidate> candidates(CaseView c) {
		// staff of a unit on the case's branch of the region tree: its street's or community's, or a district's above
		return jdbc.sql("""
				SELECT s.id, s.name, u.name FROM staff s JOIN org_unit u ON u.id = s.unit_id JOIN region r ON r.id = u.region_id
				WHERE s.active = TRUE AND u.active = TRUE AND (:path LIKE CONCAT(r.path, '%') OR r.path LIKE :below)
				ORDER BY u.name, s.name, s.id""")
			.param("path", c.regionPath())
			.param("below", c.regionPath() + "%")
			.query((rs, n) -> new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	private List<Task> open(long caseId) {
		return tasks(caseId).stream().filter(Task::open).toList();
	}

	private List<Task> tasks(long caseId) {
		return jdbc.sql("""
				SELECT t.id, t.case_id, t.kind, t.assignee_staff_id, s.name, t.requested_by, t.requested_at, t.request_note,
				       t.due_at, t.done_by, t.done_at, t.result, t.note, t.latitude, t.longitude, t.accuracy_m
				FROM case_task t JOIN staff s ON s.id = t.assignee_staff_id WHERE t.case_id = ? ORDER BY t.id""")
			.param(caseId)
			.query((rs, n) -> task(rs))
			.list();
	}

	private static Task task(ResultSet rs) throws SQLException {
		return new Task(rs.getLong(1), rs.getLong(2), Kind.valueOf(rs.getString(3)), rs.getLong(4), rs.getString(5),
				rs.getString(6), instant(rs, 7), rs.getString(8), instant(rs, 9), rs.getString(10), instant(rs, 11),
				rs.getString(12) == null ? null : Result.valueOf(rs.getString(12)), rs.getString(13),
				(Double) rs.getObject(14, Double.class), rs.getObject(15, Double.class), rs.getObject(16, Double.class));
	}

	private static String trim(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String trimmed = text.strip();
		return trimmed.length() > 1000 ? trimmed.substring(0, 1000) : trimmed;
	}

}
