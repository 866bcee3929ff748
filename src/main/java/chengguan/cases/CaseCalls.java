package chengguan.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import chengguan.organization.RosterService;
import chengguan.organization.UnitView;
import chengguan.platform.notification.Notifications;
import chengguan.platform.security.Role;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.web.ConflictException;
import chengguan.platform.web.InvalidRequestException;
import chengguan.platform.web.NotFoundException;
import chengguan.platform.web.UserFacingException;

import static chengguan.platform.persistence.DbTime.instant;
import static chengguan.platform.persistence.DbTime.utc;

/**
 * 吹哨报到, 协办 and 督办: units called to a case, each owing a 报到 (whistle) and an answer. Every call and every
 * answer goes into the case's history; a called unit hears of it by SMS to its duty phone.
 */
@Service
public class CaseCalls {

	/** @param whistleReportWithin how soon a whistled unit must 报到 (the seeds: 30 minutes) */
	@ConfigurationProperties("chengguan.cases")
	public record Settings(Duration whistleReportWithin) {

		public Settings {
			whistleReportWithin = whistleReportWithin == null ? Duration.ofMinutes(30) : whistleReportWithin;
		}

	}

	private static final Set<Role> WHISTLERS = Set.of(Role.COMMUNITY_STAFF, Role.LIAISON, Role.DISPATCHER, Role.ADMIN);

	private static final Set<Role> SUPERVISORS = Set.of(Role.INSPECTOR, Role.LEADER, Role.ADMIN);

	private final JdbcClient jdbc;

	private final CaseService cases;

	private final CaseHistory history;

	private final RosterService roster;

	private final Notifications notifications;

	private final Settings settings;

	private final Clock clock;

	CaseCalls(JdbcClient jdbc, CaseService cases, CaseHistory history, RosterService roster,
			Notifications notifications, Settings settings, Clock clock) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.history = history;
		this.roster = roster;
		this.notifications = notifications;
		this.settings = settings;
		this.clock = clock;
	}

	/** 吹哨: each unit must 报到 within the configured time, then answer. */
	@Transactional
	public void whistle(long caseId, List<Long> unitIds, String note, StaffPrincipal who) {
		CaseView c = openCase(caseId, who, WHISTLERS, "WHISTLE");
		if (unitIds == null || unitIds.isEmpty()) {
			throw new InvalidRequestException("case.call.unitRequired");
		}
		Instant now = clock.instant();
		for (long unitId : unitIds.stream().distinct().toList()) {
			UnitView unit = availableUnit(unitId, who);
			insert(c, CallKind.WHISTLE, unit, clean(note), who, now, now.plus(settings.whistleReportWithin()), null);
			history.append(c.id(), now, who.username(), "WHISTLE", c.state(), c.state(),
					"吹哨 " + unit.name() + (note == null || note.isBlank() ? "" : "：" + note.strip()));
			tellUnit(unit, "【城管进社区】社区吹哨：案件 " + c.trackingCode() + " 请贵单位在 "
					+ settings.whistleReportWithin().toMinutes() + " 分钟内报到。");
		}
	}

	/** 协办: a unit that owes a part of the handling; the case cannot be reported done before every part is. */
	@Transactional
	public void addJointUnit(long caseId, long unitId, String part, StaffPrincipal who) {
		CaseView c = openCase(caseId, who, Set.of(Role.DISPATCHER, Role.ADMIN), "JOINT");
		String what = clean(part);
		if (what == null) {
			throw new InvalidRequestException("case.call.partRequired");
		}
		UnitView unit = availableUnit(unitId, who);
		Instant now = clock.instant();
		insert(c, CallKind.JOINT, unit, what, who, now, null, c.handleDueAt());
		history.append(c.id(), now, who.username(), "JOINT", c.state(), c.state(), "协办 " + unit.name() + "：" + what);
		tellUnit(unit, "【城管进社区】案件 " + c.trackingCode() + " 需贵单位协办：" + what);
	}

	/** 督办: an order from 督查 or a leader with its own deadline, answered by the case's assignee. */
	@Transactional
	public void supervise(long caseId, String order, Instant due, StaffPrincipal who) {
		CaseView c = openCase(caseId, who, SUPERVISORS, "SUPERVISION");
		String what = clean(order);
		if (what == null) {
			throw new InvalidRequestException("case.call.orderRequired");
		}
		Instant now = clock.instant();
		if (due == null || !due.isAfter(now)) {
			throw new InvalidRequestException("case.call.dueInPast");
		}
		UnitView unit = c.assigneeUnitId() == null ? null : roster.findUnit(c.assigneeUnitId()).orElse(null);
		insert(c, CallKind.SUPERVISION, unit, what, who, now, null, due);
		history.append(c.id(), now, who.username(), "SUPERVISION", c.state(), c.state(), "督办：" + what);
		if (unit != null) {
			tellUnit(unit, "【城管进社区】督办：案件 " + c.trackingCode() + "，" + what);
		}
	}

	/** 报到 by the whistled unit. */
	@Transactional
	public void reportIn(long callId, StaffPrincipal who) {
		CaseCall call = call(callId, who);
		if (call.kind() != CallKind.WHISTLE || call.reportedAt() != null) {
			throw new ConflictException("case.call.notAwaitingReport");
		}
		Instant now = clock.instant();
		boolean late = now.isAfter(call.reportDueAt());
		// a late report-in keeps (or gets) the 超时报到 mark: overdue_at is never cleared
		jdbc.sql("""
				UPDATE case_call SET reported_at = ?, reported_by = ?,
				    overdue_at = CASE WHEN ? THEN COALESCE(overdue_at, ?) ELSE overdue_at END
				WHERE id = ? AND reported_at IS NULL""")
			.params(utc(now), who.username(), late, utc(now), callId).update();
		CaseView c = cases.get(call.caseId(), who);
		history.append(c.id(), now, who.username(), "REPORTED_IN", c.state(), c.state(),
				call.unitName() + " 报到" + (late ? "（超时）" : ""));
	}

	/** The called unit's answer: what it did for its part, or its reply to the whistle or the supervision order. */
	@Transactional
	public void answer(long callId, String text, StaffPrincipal who) {
		CaseCall call = call(callId, who);
		String answer = clean(text);
		if (answer == null) {
			throw new InvalidRequestException("case.call.answerRequired");
		}
		if (call.answeredAt() != null) {
			throw new ConflictException("case.call.alreadyAnswered");
		}
		if (call.awaitingReport()) {
			reportIn(callId, who);
		}
		Instant now = clock.instant();
		int changed = jdbc.sql("""
				UPDATE case_call SET answer = ?, answered_at = ?, answered_by = ? WHERE id = ? AND answered_at IS NULL""")
			.params(answer, utc(now), who.username(), callId).update();
		if (changed != 1) {
			throw new ConflictException("case.call.alreadyAnswered");
		}
		CaseView c = cases.get(call.caseId(), who);
		history.append(c.id(), now, who.username(), "ANSWERED", c.state(), c.state(),
				(call.unitName() == null ? "" : call.unitName() + " ") + "答复：" + answer);
	}

	@Transactional(readOnly = true)
	public List<CaseCall> calls(long caseId, StaffPrincipal who) {
		cases.get(caseId, who);
		return jdbc.sql(SELECT + " WHERE c.case_id = ? ORDER BY c.id").param(caseId).query((rs, n) -> view(rs)).list();
	}

	private CaseCall call(long callId, StaffPrincipal who) {
		CaseCall call = jdbc.sql(SELECT + " WHERE c.id = ?").param(callId).query((rs, n) -> view(rs)).optional()
			.orElseThrow(NotFoundException::new);
		cases.get(call.caseId(), who);
		boolean ownUnit = call.unitId() != null && call.unitId().equals(who.unitId());
		if (!ownUnit && !who.hasRole(Role.ADMIN)) {
			throw new UserFacingException(HttpStatus.FORBIDDEN, "case.call.notYourUnit");
		}
		return call;
	}

	private CaseView openCase(long caseId, StaffPrincipal who, Set<Role> allowed, String what) {
		CaseView c = cases.get(caseId, who);
		if (who.roles().stream().noneMatch(allowed::contains)) {
			throw new UserFacingException(HttpStatus.FORBIDDEN, "case.call.notForRole", what);
		}
		if (c.state().isTerminal() || c.state() == CaseState.CLOSED) {
			throw new ConflictException("case.call.caseNotOpen");
		}
		return c;
	}

	private UnitView availableUnit(long unitId, StaffPrincipal who) {
		UnitView unit = roster.findUnit(unitId).orElseThrow(() -> new InvalidRequestException("case.call.unitRequired"));
		if (!CaseService.availableTo(unit, who)) {
			throw new InvalidRequestException("case.dispatch.unitNotAvailable");
		}
		return unit;
	}

	private void insert(CaseView c, CallKind kind, UnitView unit, String request, StaffPrincipal who, Instant now,
			Instant reportDue, Instant answerDue) {
		jdbc.sql("""
				INSERT INTO case_call (case_id, kind, unit_id, request, called_by, called_at, report_due_at, answer_due_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(c.id(), kind.name(), unit == null ? null : unit.id(), request, who.username(), utc(now),
					utc(reportDue), utc(answerDue))
			.update();
	}

	private void tellUnit(UnitView unit, String message) {
		if (unit.phone() != null && !unit.phone().isBlank()) {
			notifications.enqueue(Notifications.SMS, unit.phone(), message);
		}
	}

	private static final String SELECT = """
			SELECT c.id, c.case_id, c.kind, c.unit_id, c.request, c.called_by, c.called_at, c.report_due_at,
			       c.reported_at, c.answer_due_at, c.answer, c.answered_at, c.overdue_at
			FROM case_call c""";

	private CaseCall view(ResultSet rs) throws SQLException {
		Long unitId = rs.getObject(4, Long.class);
		return new CaseCall(rs.getLong(1), rs.getLong(2), CallKind.valueOf(rs.getString(3)), unitId,
				unitId == null ? null : roster.findUnit(unitId).map(UnitView::name).orElse(null), rs.getString(5),
				rs.getString(6), instant(rs, 7), instant(rs, 8), instant(rs, 9), instant(rs, 10), rs.getString(11),
				instant(rs, 12), instant(rs, 13));
	}

	private static String clean(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String value = text.strip();
		if (value.length() > 1000) {
			throw new InvalidRequestException("case.note.tooLong", 1000);
		}
		return value;
	}



}
