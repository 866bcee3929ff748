package chengguan.fieldwork;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a series of visits meets a rule, period by period. A visit counts only if it lasted the rule's minimum;
 * fixed days count distinct dates in each calendar month. Periods are those overlapping the range asked about,
 * with visits counted inside the range.
 */
public final class VisitCompliance {

	private VisitCompliance() {
	}

	/** One visit: its date and how long it lasted. */
	public record Visit(LocalDate date, int minutes) {
	}

	/** One period's figures against the rule. */
	public record Period(LocalDate start, LocalDate end, int countedVisits, int requiredVisits, int days,
			int requiredDays, boolean met) {
	}

	public record Result(VisitRule rule, List<Period> periods) {

		public boolean met() {
			return periods.stream().allMatch(Period::met);
		}

		public long periodsMissed() {
			return periods.stream().filter(period -> !period.met()).count();
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
			periods.add(new Period(start, end, counted, rule.minVisits(), days, requiredDays, met));
			start = end.plusDays(1);
		}
		return new Result(rule, periods);
	}

}
