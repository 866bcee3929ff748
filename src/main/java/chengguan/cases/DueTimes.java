package chengguan.cases;

import java.time.Instant;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import chengguan.calendar.Deadline;
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

}
