package chengguan.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import chengguan.calendar.Deadline;
import chengguan.calendar.LimitUnit;
import chengguan.calendar.TimeLimit;
import chengguan.calendar.WorkCalendarChanged;
import chengguan.platform.PlatformProperties;

import static chengguan.platform.persistence.DbTime.instant;
import static chengguan.platform.persistence.DbTime.utc;

/**
 * The clock of each stage of a case (受理, 立案, 派遣, 处置, 核查, 回访): started and ended as the case moves, each
 * with its due and warning times stored, so lists filter on them in SQL and nothing is recounted on read. A running
 * clock keeps its start and its limit, so its deadline can be counted again when the calendar changes (and a pause,
 * when one is added, shifts the same stored figures).
 */
@Service
public class StageClocks {

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final JdbcClient jdbc;

	private final DueTimes dueTimes;

	private final StageLimits limits;

	private final CaseHistory history;

	private final Clock clock;

	private final ZoneId zone;

	StageClocks(JdbcClient jdbc, DueTimes dueTimes, StageLimits limits, CaseHistory history, Clock clock,
			PlatformProperties platform) {
		this.jdbc = jdbc;
		this.dueTimes = dueTimes;
		this.limits = limits;
		this.history = history;
		this.clock = clock;
		this.zone = platform.timeZone();
	}

	/** The configured limit of a stage (立案, 派遣, 核查, 回访); null for 受理 and 处置, which the category times. */
	public TimeLimit configuredLimit(CaseStage stage) {
		return limits.of(stage);
	}

	/**
	 * Starts a stage's clock (ending a run of the same stage still open).
	 * @return the deadline, or null when there is no limit (a case without a category)
	 */
	Deadline start(long caseId, CaseStage stage, Instant from, TimeLimit limit, String regionPath) {
		end(caseId, from, stage);
		if (limit == null) {
			return null;
		}
		Deadline deadline = dueTimes.deadline(from, limit, regionPath);
		record(caseId, stage, from, limit, deadline);
		return deadline;
	}

	/** Stores a clock whose deadline the caller already counted (it also stores it on the case). */
	void record(long caseId, CaseStage stage, Instant from, TimeLimit limit, Deadline deadline) {
		jdbc.sql("""
				INSERT INTO case_stage_clock (case_id, stage, started_at, limit_unit, limit_quantity, due_at, warn_at,
				    weekends_only)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(caseId, stage.name(), utc(from), limit.unit().name(), limit.quantity(), utc(deadline.dueAt()),
					utc(deadline.warnAt()), deadline.weekendsOnly())
			.update();
	}

	/** Stops the running clocks of these stages (all of them when none are named). */
	void end(long caseId, Instant at, CaseStage... stages) {
		if (stages.length == 0) {
			jdbc.sql("UPDATE case_stage_clock SET ended_at = ? WHERE case_id = ? AND ended_at IS NULL")
				.params(utc(at), caseId)
				.update();
			return;
		}
		jdbc.sql("UPDATE case_stage_clock SET ended_at = :at WHERE case_id = :case AND ended_at IS NULL AND stage IN (:stages)")
			.param("at", utc(at))
			.param("case", caseId)
			.param("stages", java.util.Arrays.stream(stages).map(Enum::name).toList())
			.update();
	}

	/** Every run of every stage of the case, in the order they started. */
	@Transactional(readOnly = true)
	public List<StageClock> of(long caseId, String regionPath) {
		Instant now = clock.instant();
		return jdbc.sql("""
				SELECT id, stage, started_at, limit_unit, limit_quantity, due_at, warn_at, ended_at, overdue_at,
				       weekends_only
				FROM case_stage_clock WHERE case_id = ? ORDER BY started_at, id""")
			.param(caseId)
			.query((rs, n) -> {
				TimeLimit limit = new TimeLimit(LimitUnit.valueOf(rs.getString(4)), rs.getLong(5));
				Instant due = instant(rs, "due_at");
				Instant ended = instant(rs, "ended_at");
				return new StageClock(rs.getLong(1), CaseStage.valueOf(rs.getString(2)), instant(rs, "started_at"),
						limit, due, instant(rs, "warn_at"), ended, instant(rs, "overdue_at"), rs.getBoolean(10),
						ended != null ? "" : countdown(limit, due, now, regionPath));
			})
			.list();
	}

	/**
	 * 剩余 / 超期 in the limit's own time: working time (工作时间) for working limits, so the figure does not melt away
	 * over a night or a holiday; calendar time for natural limits.
	 */
	public String countdown(TimeLimit limit, Instant due, Instant now, String regionPath) {
		boolean late = !now.isBefore(due);
		Duration span;
		if (limit.unit() == LimitUnit.NATURAL_HOURS) {
			span = late ? Duration.between(due, now) : Duration.between(now, due);
		}
		else {
			span = late ? dueTimes.workingTimeBetween(due, now, regionPath)
					: dueTimes.workingTimeBetween(now, due, regionPath);
		}
		String amount;
		if (limit.unit() == LimitUnit.NATURAL_HOURS) {
			long days = span.toDays();
			amount = days > 0 ? days + " 天 " + span.toHoursPart() + " 小时"
					: span.toHours() > 0 ? span.toHours() + " 小时 " + span.toMinutesPart() + " 分" : span.toMinutesPart() + " 分";
		}
		else {
			// whole working days first (a working day being the configured working hours), then working hours
			long day = dueTimes.workingDayLength().toMinutes();
			long total = span.toMinutes();
			long days = total / day;
			long rest = total % day;
			String hours = rest >= 60 ? rest / 60 + " 工作小时 " + rest % 60 + " 分" : rest + " 分";
			amount = days > 0 ? days + " 个工作日 " + (rest >= 60 ? rest / 60 + " 工作小时" : rest + " 分") : hours;
		}
		return (late ? "超期 " : "剩余 ") + amount;
	}

	/**
	 * The case's own countdown (its accept or handle limit) in that limit's time: working time when the category
	 * counts working time.
	 */
	public String countdown(CaseView c, List<StageClock> clocks, Instant now) {
		Instant due = c.currentDue();
		if (due == null) {
			return "";
		}
		CaseStage stage = c.inAcceptPhase() ? CaseStage.ACCEPT : CaseStage.HANDLE;
		for (int i = clocks.size() - 1; i >= 0; i--) {
			StageClock clock = clocks.get(i);
			if (clock.stage() == stage && clock.dueAt().equals(due)) {
				return countdown(clock.limit(), due, now, c.regionPath());
			}
		}
		return c.countdown(now);
	}

	/** A running stage in its warning time or past its deadline, for a mark beside a case in a list. */
	public record StageMark(CaseStage stage, CaseView.TimeStatus status) {
	}

	/**
	 * The running stages of these cases that are in warning or overdue, in one query, for the inbox (立案即将超期,
	 * 核查超期 …), beside the case's own limit.
	 */
	@Transactional(readOnly = true)
	public Map<Long, List<StageMark>> marks(java.util.Collection<Long> caseIds) {
		if (caseIds.isEmpty()) {
			return Map.of();
		}
		OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
		Map<Long, List<StageMark>> marks = new java.util.HashMap<>();
		jdbc.sql("""
				SELECT case_id, stage, CASE WHEN due_at <= :now THEN 'OVERDUE' ELSE 'WARNING' END
				FROM case_stage_clock
				WHERE case_id IN (:ids) AND ended_at IS NULL AND warn_at <= :now
				ORDER BY case_id, started_at, id""")
			.param("ids", List.copyOf(caseIds))
			.param("now", now)
			.query((rs, n) -> {
				marks.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
					.add(new StageMark(CaseStage.valueOf(rs.getString(2)), CaseView.TimeStatus.valueOf(rs.getString(3))));
				return null;
			})
			.list();
		return marks;
	}

	/** Marks running clocks whose deadline passed (one statement; the case-level escalation is the scan's). */
	int markOverdue(Instant now) {
		OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
		return jdbc.sql("""
				UPDATE case_stage_clock SET overdue_at = :now
				WHERE ended_at IS NULL AND overdue_at IS NULL AND due_at <= :now""")
			.param("now", at)
			.update();
	}

	private record Running(long id, long caseId, CaseStage stage, Instant startedAt, TimeLimit limit, Instant dueAt,
			String regionPath, String state) {
	}

	/**
	 * The calendar changed: running working-time clocks not yet overdue, whose span touches a changed date, are
	 * counted again from their start; each change is written into the case's history. Overdue clocks keep their
	 * deadline (being late is not undone by a later holiday).
	 */
	@EventListener
	@Transactional
	public void calendarChanged(WorkCalendarChanged changed) {
		if (changed.dates().isEmpty()) {
			return;
		}
		Instant now = clock.instant();
		LocalDate first = Collections.min(changed.dates());
		LocalDate last = Collections.max(changed.dates());
		List<Running> running = jdbc.sql("""
				SELECT s.id, s.case_id, s.stage, s.started_at, s.limit_unit, s.limit_quantity, s.due_at, f.region_path,
				       f.state
				FROM case_stage_clock s JOIN case_file f ON f.id = s.case_id
				WHERE s.ended_at IS NULL AND s.overdue_at IS NULL AND s.due_at > :now AND s.limit_unit <> 'NATURAL_HOURS'
				  AND s.started_at < :lastEnd AND s.due_at >= :firstStart AND f.region_path LIKE :region
				ORDER BY s.case_id, s.id""")
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.param("lastEnd", last.plusDays(1).atStartOfDay(zone).toOffsetDateTime())
			.param("firstStart", first.atStartOfDay(zone).toOffsetDateTime())
			.param("region", (changed.regionPath() == null ? "" : changed.regionPath()) + "%")
			.query((rs, n) -> new Running(rs.getLong(1), rs.getLong(2), CaseStage.valueOf(rs.getString(3)),
					instant(rs, "started_at"), new TimeLimit(LimitUnit.valueOf(rs.getString(5)), rs.getLong(6)),
					instant(rs, "due_at"), rs.getString(8), rs.getString(9)))
			.list();
		Map<Long, List<String>> notes = new java.util.LinkedHashMap<>();
		Map<Long, String> states = new java.util.HashMap<>();
		for (Running clock : running) {
			Deadline again = dueTimes.deadline(clock.startedAt(), clock.limit(), clock.regionPath());
			if (again.dueAt().equals(clock.dueAt())) {
				continue;
			}
			jdbc.sql("UPDATE case_stage_clock SET due_at = ?, warn_at = ?, weekends_only = ? WHERE id = ?")
				.params(utc(again.dueAt()), utc(again.warnAt()), again.weekendsOnly(), clock.id())
				.update();
			if (clock.stage() == CaseStage.ACCEPT || clock.stage() == CaseStage.HANDLE) {
				String prefix = clock.stage() == CaseStage.ACCEPT ? "accept" : "handle";
				jdbc.sql("UPDATE case_file SET " + prefix + "_due_at = ?, " + prefix
						+ "_warn_at = ?, version = version + 1 WHERE id = ?")
					.params(utc(again.dueAt()), utc(again.warnAt()), clock.caseId())
					.update();
			}
			notes.computeIfAbsent(clock.caseId(), id -> new ArrayList<>())
				.add(STAGE_NAMES.get(clock.stage()) + "期限由 " + shown(clock.dueAt()) + " 改为 " + shown(again.dueAt()));
			states.put(clock.caseId(), clock.state());
		}
		notes.forEach((caseId, lines) -> {
			CaseState state = CaseState.valueOf(states.get(caseId));
			history.append(caseId, now, changed.changedBy(), "DEADLINE_RECOMPUTED", state, state,
					"工作日历调整（" + changed.description() + "）：" + String.join("；", lines));
		});
	}

	private String shown(Instant at) {
		return SHOWN.format(at.atZone(zone));
	}

	private static final Map<CaseStage, String> STAGE_NAMES = new EnumMap<>(Map.of(CaseStage.ACCEPT, "受理",
			CaseStage.REGISTER, "立案", CaseStage.DISPATCH, "派遣", CaseStage.HANDLE, "处置", CaseStage.VERIFY, "核查",
			CaseStage.VISIT, "回访"));

	/** Per-stage timeliness: of the runs that ended in the period, how many by their deadline; and how many run late now. */
	public record Timeliness(CaseStage stage, int ended, int endedOnTime, int runningOverdue) {

		/** Percent on time, or null when nothing ended. */
		public Double rate() {
			return ended == 0 ? null : Math.round(endedOnTime * 1000.0 / ended) / 10.0;
		}

	}

	/** Per stage, in one query, for cases inside {@code pathPattern} (a LIKE pattern) that ended in [from, to). */
	@Transactional(readOnly = true)
	public List<Timeliness> timeliness(String pathPattern, Instant from, Instant to) {
		Map<CaseStage, Timeliness> byStage = new EnumMap<>(CaseStage.class);
		jdbc.sql("""
				SELECT s.stage,
				       SUM(CASE WHEN s.ended_at >= :from AND s.ended_at < :to THEN 1 ELSE 0 END),
				       SUM(CASE WHEN s.ended_at >= :from AND s.ended_at < :to AND s.ended_at <= s.due_at THEN 1 ELSE 0 END),
				       SUM(CASE WHEN s.ended_at IS NULL AND s.due_at <= :now THEN 1 ELSE 0 END)
				FROM case_stage_clock s JOIN case_file f ON f.id = s.case_id
				WHERE f.region_path LIKE :scope AND (s.ended_at IS NULL OR (s.ended_at >= :from AND s.ended_at < :to))
				GROUP BY s.stage""")
			.param("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
			.param("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
			.param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.param("scope", pathPattern)
			.query((rs, n) -> new Timeliness(CaseStage.valueOf(rs.getString(1)), rs.getInt(2), rs.getInt(3),
					rs.getInt(4)))
			.list()
			.forEach(t -> byStage.put(t.stage(), t));
		List<Timeliness> all = new ArrayList<>();
		for (CaseStage stage : CaseStage.values()) {
			all.add(byStage.getOrDefault(stage, new Timeliness(stage, 0, 0, 0)));
		}
		return all;
	}

}
