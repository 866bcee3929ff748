package chengguan.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The deadline arithmetic over one snapshot of the calendar: which days are worked (weekdays, unless a holiday;
 * weekends, if a 调休 working day; the most local entry wins), and the working periods of a working day. Pure and
 * immutable, so it is tested without a database and shared between threads.
 */
public final class WorkingTime {

	/** Days are looked at one by one; a run of days off longer than this means a broken calendar. */
	private static final int MAX_DAYS_SEARCHED = 400;

	/** One stretch of working time in a day, e.g. 08:30–12:00. */
	public record Period(LocalTime start, LocalTime end) {

		public Period {
			if (start == null || end == null || !end.isAfter(start)) {
				throw new IllegalArgumentException("A working period must end after it starts");
			}
		}

	}

	private final ZoneId zone;

	private final List<Period> periods;

	private final Map<LocalDate, List<CalendarDay>> days = new HashMap<>();

	private final Set<Integer> years;

	/**
	 * @param periods the working periods of a working day, in order and not overlapping
	 * @param years the years whose calendar has been imported; in any other year only weekends are days off
	 */
	public WorkingTime(ZoneId zone, List<Period> periods, Collection<CalendarDay> days, Set<Integer> years) {
		if (periods.isEmpty()) {
			throw new IllegalArgumentException("A working day needs at least one working period");
		}
		for (int i = 1; i < periods.size(); i++) {
			if (periods.get(i).start().isBefore(periods.get(i - 1).end())) {
				throw new IllegalArgumentException("Working periods must be in order and must not overlap");
			}
		}
		this.zone = zone;
		this.periods = List.copyOf(periods);
		for (CalendarDay day : days) {
			this.days.computeIfAbsent(day.date(), d -> new ArrayList<>()).add(day);
		}
		this.years = Set.copyOf(years);
	}

	public ZoneId zone() {
		return zone;
	}

	public List<Period> periods() {
		return periods;
	}

	public boolean hasCalendar(int year) {
		return years.contains(year);
	}

	/** The deadline and its warning for a limit starting at {@code from}, for a case in {@code regionPath}. */
	public Deadline deadline(Instant from, TimeLimit limit, String regionPath) {
		Walk walk = new Walk(regionPath);
		if (!limit.unit().working()) {
			Instant due = from.plus(Duration.ofMinutes(limit.quantity()));
			long total = Duration.between(from, due).toSeconds();
			return new Deadline(due, from.plusSeconds(total * 4 / 5), false);
		}
		LocalDateTime start = walk.nextWorkingMoment(local(from));
		LocalDateTime due = limit.unit() == LimitUnit.WORKING_HOURS ? walk.addWorking(start, limit.quantity() * 60)
				: walk.addWorkingDays(start, limit.quantity());
		// the warning at 80 % of the working time the limit gives, counted in working time too
		long total = walk.workingSeconds(start, due);
		LocalDateTime warn = total == 0 ? due : walk.addWorking(start, total * 4 / 5);
		return new Deadline(instant(due), instant(warn), walk.weekendsOnly);
	}

	/** Working time between two moments (zero if {@code to} is not after {@code from}). */
	public Duration workingTimeBetween(Instant from, Instant to, String regionPath) {
		if (!to.isAfter(from)) {
			return Duration.ZERO;
		}
		return Duration.ofSeconds(new Walk(regionPath).workingSeconds(local(from), local(to)));
	}

	/** Whether people work on this day in this region (null: the whole country). */
	public boolean isWorkingDay(LocalDate date, String regionPath) {
		return new Walk(regionPath).working(date);
	}

	private LocalDateTime local(Instant at) {
		return LocalDateTime.ofInstant(at, zone);
	}

	private Instant instant(LocalDateTime at) {
		return at.atZone(zone).toInstant();
	}

	/** One computation: remembers whether it had to fall back to weekends only. */
	private final class Walk {

		private final String regionPath;

		private boolean weekendsOnly;

		Walk(String regionPath) {
			this.regionPath = regionPath;
		}

		boolean working(LocalDate date) {
			CalendarDay chosen = null;
			for (CalendarDay day : days.getOrDefault(date, List.of())) {
				if (day.appliesTo(regionPath) && (chosen == null
						|| (day.regionPath() == null ? 0 : day.regionPath().length()) > (chosen.regionPath() == null ? 0
								: chosen.regionPath().length()))) {
					chosen = day;
				}
			}
			if (chosen != null) {
				return chosen.kind() == DayKind.WORKDAY;
			}
			if (!years.contains(date.getYear())) {
				weekendsOnly = true;
			}
			return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
		}

		/** {@code at} itself if inside a working period, else the start of the next one. */
		LocalDateTime nextWorkingMoment(LocalDateTime at) {
			LocalDate date = at.toLocalDate();
			for (int i = 0; i < MAX_DAYS_SEARCHED; i++, date = date.plusDays(1)) {
				if (!working(date)) {
					continue;
				}
				for (Period period : periods) {
					LocalDateTime end = date.atTime(period.end());
					if (at.isBefore(end)) {
						LocalDateTime start = date.atTime(period.start());
						return at.isAfter(start) ? at : start;
					}
				}
			}
			throw new IllegalStateException("No working day within " + MAX_DAYS_SEARCHED + " days of " + at);
		}

		/** The end of the working period that {@code at} (a working moment) lies in. */
		private LocalDateTime periodEnd(LocalDateTime at) {
			for (Period period : periods) {
				if (at.toLocalTime().isBefore(period.end())) {
					return at.toLocalDate().atTime(period.end());
				}
			}
			throw new IllegalStateException(at + " is not a working moment");
		}

		LocalDateTime addWorking(LocalDateTime start, long seconds) {
			LocalDateTime at = nextWorkingMoment(start);
			long left = seconds;
			while (true) {
				LocalDateTime end = periodEnd(at);
				long available = Duration.between(at, end).toSeconds();
				if (left <= available) {
					return at.plusSeconds(left);
				}
				left -= available;
				at = nextWorkingMoment(end);
			}
		}

		/** The same clock time on the N-th working day after the start's. */
		LocalDateTime addWorkingDays(LocalDateTime start, long count) {
			LocalDate date = start.toLocalDate();
			long found = 0;
			for (int i = 0; found < count; i++) {
				if (i > MAX_DAYS_SEARCHED * Math.max(1, count)) {
					throw new IllegalStateException("No working days after " + start);
				}
				date = date.plusDays(1);
				if (working(date)) {
					found++;
				}
			}
			return date.atTime(start.toLocalTime());
		}

		long workingSeconds(LocalDateTime from, LocalDateTime to) {
			long total = 0;
			for (LocalDate date = from.toLocalDate(); !date.isAfter(to.toLocalDate()); date = date.plusDays(1)) {
				if (!working(date)) {
					continue;
				}
				for (Period period : periods) {
					LocalDateTime start = max(date.atTime(period.start()), from);
					LocalDateTime end = min(date.atTime(period.end()), to);
					if (end.isAfter(start)) {
						total += Duration.between(start, end).toSeconds();
					}
				}
			}
			return total;
		}

	}

	private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
		return a.isAfter(b) ? a : b;
	}

	private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
		return a.isBefore(b) ? a : b;
	}

}
