package chengguan.fieldwork;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a series of visits meets a rule, period by period. A visit counts only if it lasted the rule's minimum;
 * fixed days count distinct dates in each calendar month. Periods are those overlapping the range asked about,
 * with visits counted inside the range; only periods wholly inside the range are judged, so a week that has just
 * begun (or was cut by the range) shows its progress without counting as missed.
 */
public final class VisitCompliance {

	private VisitCompliance() {
	}

	/** One visit: its date and how long it lasted. */
	public record Visit(LocalDate date, int minutes) {
	}

	/** One period's figures against the rule; {@code whole} when the period lies entirely inside the range. */
	public record Period(LocalDate start, LocalDate end, int countedVisits, int requiredVisits, int days,
			int requiredDays, boolean met, boolean whole) {
	}

	public record Result(VisitRule rule, List<Period> periods) {

		/** Every whole period met (true, too, when no period is whole yet). */
		public boolean met() {
			return periodsMissed() == 0;
		}

		public long periodsMissed() {
			return periods.stream().filter(period -> period.whole() && !period.met()).count();
		}

		public long wholePeriods() {
			return periods.stream().filter(Period::whole).count();
		}

		/** The period still running at the end of the range, if the range ends inside one. */
		public java.util.Optional<Period> unfinished() {
			Period last = periods.get(periods.size() - 1);
			return last.whole() ? java.util.Optional.empty() : java.util.Optional.of(last);
		}

	}

	public static Result evaluate(VisitRule rule, List<Visit> visits, LocalDate from, LocalDate to) {
		List<Period> periods = new ArrayList<>();
		LocalDate start = rule.period() == VisitPeriod.WEEK ? from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
				: from.withDayOfMonth(1);
		while (!start.isAfter(to)) {
			LocalDate end = rule.period() == VisitPeriod.WEEK ? start.plusDays(6)
					: start.with(TemporalAdjusters.lastDayOfMonth());
			LocalDate first = start.isBefore(from) ? from : start;
			LocalDate last = end.isAfter(to) ? to : end;
			List<Visit> inside = visits.stream()
				.filter(v -> !v.date().isBefore(first) && !v.date().isAfter(last))
				.toList();
			int counted = (int) inside.stream().filter(v -> v.minutes() >= rule.minMinutesPerVisit()).count();
			int days = (int) inside.stream()
				.filter(v -> v.minutes() >= rule.minMinutesPerVisit())
				.map(Visit::date)
				.distinct()
				.count();
			int requiredDays = rule.period() == VisitPeriod.MONTH ? rule.fixedDaysPerMonth() : 0;
			boolean met = counted >= rule.minVisits() && days >= requiredDays;
			periods.add(new Period(start, end, counted, rule.minVisits(), days, requiredDays, met,
					!start.isBefore(from) && !end.isAfter(to)));
			start = end.plusDays(1);
		}
		return new Result(rule, periods);
	}

}
