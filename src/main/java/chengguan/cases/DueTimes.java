package chengguan.cases;

import java.time.Instant;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import chengguan.calendar.Deadline;
import chengguan.calendar.LimitUnit;
import chengguan.calendar.TimeLimit;
import chengguan.calendar.WorkCalendar;
import chengguan.calendar.WorkingTime;
import chengguan.catalog.LimitBasis;

/**
 * Deadlines of the case loop, counted on the work calendar (工作日历): calendar limits run day and night; working
 * limits run only in the working hours of working days (holidays off, 调休 weekends worked), and a working limit of
 * whole days is that many working days. The 80 % warning is counted the same way.
 */
@Component
public class DueTimes {

	private final Supplier<WorkingTime> calendar;

	@Autowired
	DueTimes(WorkCalendar calendar) {
		this(calendar::current);
	}

	DueTimes(Supplier<WorkingTime> calendar) {
		this.calendar = calendar;
	}

	/** A catalog limit, nationwide. */
	public Instant due(Instant from, int minutes, LimitBasis basis) {
		return deadline(from, limit(minutes, basis), null).dueAt();
	}

	/** The deadline and its warning for a case in {@code regionPath} (its local days count). */
	public Deadline deadline(Instant from, TimeLimit limit, String regionPath) {
		return calendar.get().deadline(from, limit, regionPath);
	}

	/** Working time between two moments, for the countdown of a working-time limit. */
	public java.time.Duration workingTimeBetween(Instant from, Instant to, String regionPath) {
		return calendar.get().workingTimeBetween(from, to, regionPath);
	}

	/** The working time of one working day (e.g. 7 h 30 min for 08:30–12:00 and 13:30–17:30). */
	public java.time.Duration workingDayLength() {
		return calendar.get()
			.periods()
			.stream()
			.map(period -> java.time.Duration.between(period.start(), period.end()))
			.reduce(java.time.Duration.ZERO, java.time.Duration::plus);
	}

	/** A catalog limit in minutes as a time limit; no basis means working time, as the catalog form defaults. */
	public static TimeLimit limit(int minutes, LimitBasis basis) {
		return TimeLimit.ofMinutes(minutes, basis != LimitBasis.CALENDAR);
	}

	/*
	 * The deadlines of the workflow's stops and starts, one method per need.
	 */

	/**
	 * The deadline an approved 延期 grants: the one the assignee asked for; one that falls outside working hours
	 * (on the work calendar) becomes the next working moment, so nobody is late at night or on a holiday.
	 */
	public Instant extended(Instant requested) {
		return deadline(requested, new TimeLimit(LimitUnit.WORKING_HOURS, 0), null).dueAt();
	}

	/** The deadline after a 挂起 ends: moved by the time the case stood still. */
	public Instant resumed(Instant due, java.time.Duration paused) {
		return due == null ? null : due.plus(paused);
	}

	/** When an unrated closed case ends as 未评价: the 回访 period after its closure, in calendar time. */
	public Instant followUpEnds(Instant closedAt, java.time.Duration period) {
		return closedAt.plus(period);
	}

	/** When the reporter of a closed, still unrated case is reminded to rate it. */
	public Instant followUpReminder(Instant closedAt, java.time.Duration after) {
		return closedAt.plus(after);
	}

}
