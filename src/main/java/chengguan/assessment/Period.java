package chengguan.assessment;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * A calendar day, ISO week (Monday to Sunday), month or quarter in the platform's time zone. Days and weeks are
 * read from the daily rollups, months and quarters from the monthly ones.
 */
public record Period(Kind kind, LocalDate start) {

	public enum Kind {

		DAY("日"), WEEK("周"), MONTH("月"), QUARTER("季度");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	/** The period of this kind that holds the date. */
	public static Period of(Kind kind, LocalDate date) {
		return new Period(kind, switch (kind) {
			case DAY -> date;
			case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			case MONTH -> date.withDayOfMonth(1);
			case QUARTER -> date.withMonth((date.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1).withDayOfMonth(1);
		});
	}

	/** The last day, inclusive. */
	public LocalDate end() {
		return switch (kind) {
			case DAY -> start;
			case WEEK -> start.plusDays(6);
			case MONTH -> start.plusMonths(1).minusDays(1);
			case QUARTER -> start.plusMonths(3).minusDays(1);
		};
	}

	public Period previous() {
		return of(kind, start.minusDays(1));
	}

	public Period next() {
		return of(kind, end().plusDays(1));
	}

	/** Whether the rollups of days (rather than months) add up to it. */
	public boolean daily() {
		return kind == Kind.DAY || kind == Kind.WEEK;
	}

	public String label() {
		return switch (kind) {
			case DAY -> start.getYear() + " 年 " + start.getMonthValue() + " 月 " + start.getDayOfMonth() + " 日";
			case WEEK -> start.getYear() + " 年第 " + start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + " 周（"
					+ start.getMonthValue() + "." + start.getDayOfMonth() + "–" + end().getMonthValue() + "."
					+ end().getDayOfMonth() + "）";
			case MONTH -> start.getYear() + " 年 " + start.getMonthValue() + " 月";
			case QUARTER -> start.getYear() + " 年第 " + start.get(IsoFields.QUARTER_OF_YEAR) + " 季度";
		};
	}

}
