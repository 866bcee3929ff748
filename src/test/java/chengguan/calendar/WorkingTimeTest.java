package chengguan.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deadlines on the 2026 calendar as the State Council published it (the same days as the migration), with the
 * default working hours 08:30–12:00 and 13:30–17:30, Asia/Shanghai.
 */
class WorkingTimeTest {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final List<WorkingTime.Period> HOURS = new CalendarSettings(null).periods();

	private static final WorkingTime CALENDAR_2026 = new WorkingTime(SHANGHAI, HOURS, days2026(), Set.of(2026));

	static List<CalendarDay> days2026() {
		List<CalendarDay> days = new ArrayList<>();
		off(days, "2026-01-01", "2026-01-03", "元旦");
		on(days, "2026-01-04", "元旦");
		off(days, "2026-02-15", "2026-02-23", "春节");
		on(days, "2026-02-14", "春节");
		on(days, "2026-02-28", "春节");
		off(days, "2026-04-04", "2026-04-06", "清明节");
		off(days, "2026-05-01", "2026-05-05", "劳动节");
		on(days, "2026-05-09", "劳动节");
		off(days, "2026-06-19", "2026-06-21", "端午节");
		off(days, "2026-09-25", "2026-09-27", "中秋节");
		off(days, "2026-10-01", "2026-10-07", "国庆节");
		on(days, "2026-09-20", "国庆节");
		on(days, "2026-10-10", "国庆节");
		return days;
	}

	private static void off(List<CalendarDay> days, String from, String to, String name) {
		for (LocalDate d = LocalDate.parse(from); !d.isAfter(LocalDate.parse(to)); d = d.plusDays(1)) {
			days.add(new CalendarDay(null, d, DayKind.HOLIDAY, name, "", null));
		}
	}

	private static void on(List<CalendarDay> days, String date, String name) {
		days.add(new CalendarDay(null, LocalDate.parse(date), DayKind.WORKDAY, name + "调休上班", "", null));
	}

	private static Instant at(String local) {
		return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
	}

	private static Deadline deadline(String from, long amount, LimitUnit unit) {
		return CALENDAR_2026.deadline(at(from), TimeLimit.hours(amount, unit), null);
	}

	@Test
	void twoWorkingHoursFromTheEveBeforeNationalDayEndOnTheFirstMorningBack() {
		assertThat(CALENDAR_2026.deadline(OffsetDateTime.parse("2026-09-30T16:30:00+08:00").toInstant(),
				TimeLimit.hours(2, LimitUnit.WORKING_HOURS), null).dueAt())
			.isEqualTo(OffsetDateTime.parse("2026-10-08T09:30:00+08:00").toInstant());
	}

	@Test
	void threeWorkingDaysAcrossNationalDayEndOnTheMakeUpSaturday() {
		assertThat(deadline("2026-09-30T10:00", 3, LimitUnit.WORKING_DAYS).dueAt()).isEqualTo(at("2026-10-10T10:00"));
	}

	@Test
	void aWorkingDayLimitNoLongerFallsDueOnNationalDay() {
		// the bug the issue reports: one working day from 30 September fell due on 1 October
		Deadline due = deadline("2026-09-30T15:00", 1, LimitUnit.WORKING_DAYS);
		assertThat(due.dueAt()).isEqualTo(at("2026-10-08T15:00"));
		assertThat(due.weekendsOnly()).isFalse();
	}

	@Test
	void naturalHoursRunThroughHolidaysAndNights() {
		assertThat(deadline("2026-09-30T22:00", 4, LimitUnit.NATURAL_HOURS).dueAt()).isEqualTo(at("2026-10-01T02:00"));
	}

	@Test
	void theWarningComesAt80PercentOfTheWorkingTimeNotOfTheCalendarTime() {
		// 120 working minutes: 60 on 30 September, 60 on 8 October; 80 % = 96 working minutes → 8 October 09:06
		Deadline due = deadline("2026-09-30T16:30", 2, LimitUnit.WORKING_HOURS);
		assertThat(due.warnAt()).isEqualTo(at("2026-10-08T09:06"));
		// natural hours warn at 80 % of the calendar time
		assertThat(deadline("2026-11-23T10:00", 5, LimitUnit.NATURAL_HOURS).warnAt()).isEqualTo(at("2026-11-23T14:00"));
		// working days: 80 % of the working time between start and due (3 days × 7.5 h = 1350 min → 1080 min = 18 h:
		// Monday, Tuesday and three hours of Wednesday)
		assertThat(deadline("2026-11-23T08:30", 3, LimitUnit.WORKING_DAYS).warnAt()).isEqualTo(at("2026-11-25T11:30"));
	}

	@Test
	void lunchIsNotWorkingTime() {
		assertThat(deadline("2026-11-23T11:30", 1, LimitUnit.WORKING_HOURS).dueAt()).isEqualTo(at("2026-11-23T14:00"));
		// a limit ending exactly at noon ends at noon, not after lunch
		assertThat(deadline("2026-11-23T11:00", 1, LimitUnit.WORKING_HOURS).dueAt()).isEqualTo(at("2026-11-23T12:00"));
		// started during lunch: counts from 13:30
		assertThat(deadline("2026-11-23T12:40", 1, LimitUnit.WORKING_HOURS).dueAt()).isEqualTo(at("2026-11-23T14:30"));
	}

	@Test
	void makeUpWeekendsAreWorkedAndTheHolidaysBeforeThemAreNot() {
		// Friday 13 February 17:00 → the make-up Saturday 14 February
		assertThat(deadline("2026-02-13T17:00", 1, LimitUnit.WORKING_HOURS).dueAt()).isEqualTo(at("2026-02-14T09:00"));
		// Saturday 14 February 17:00 → Spring Festival 15–23 off → Tuesday 24 February
		assertThat(deadline("2026-02-14T17:00", 1, LimitUnit.WORKING_HOURS).dueAt()).isEqualTo(at("2026-02-24T09:00"));
		// Friday 18 September 17:00 → the make-up Sunday 20 September
		assertThat(deadline("2026-09-18T17:00", 1, LimitUnit.WORKING_HOURS).dueAt()).isEqualTo(at("2026-09-20T09:00"));
		// Sunday 4 January works after 元旦
		assertThat(deadline("2025-12-31T17:00", 1, LimitUnit.WORKING_HOURS).dueAt()).isEqualTo(at("2026-01-04T09:00"));
	}

	@Test
	void aLimitStartingAtNightOrOnAHolidayStartsAtTheNextWorkingMoment() {
		assertThat(deadline("2026-11-23T22:00", 2, LimitUnit.WORKING_HOURS).dueAt()).isEqualTo(at("2026-11-24T10:30"));
		assertThat(deadline("2026-11-24T06:00", 1, LimitUnit.WORKING_HOURS).dueAt()).isEqualTo(at("2026-11-24T09:30"));
		assertThat(deadline("2026-10-03T10:00", 1, LimitUnit.WORKING_HOURS).dueAt()).isEqualTo(at("2026-10-08T09:30"));
		// working days from a holiday count from 8 October 08:30
		assertThat(deadline("2026-10-03T10:00", 1, LimitUnit.WORKING_DAYS).dueAt()).isEqualTo(at("2026-10-09T08:30"));
		assertThat(deadline("2026-11-23T20:00", 2, LimitUnit.WORKING_DAYS).dueAt()).isEqualTo(at("2026-11-26T08:30"));
	}

	@Test
	void aYearWithoutACalendarCountsOnlyWeekendsAndSaysSo() {
		// 2027 is not imported: 1 January 2027 (a Friday) is taken as a working day
		Deadline due = deadline("2026-12-31T17:00", 1, LimitUnit.WORKING_HOURS);
		assertThat(due.dueAt()).isEqualTo(at("2027-01-01T09:00"));
		assertThat(due.weekendsOnly()).isTrue();
		assertThat(deadline("2027-01-08T10:00", 1, LimitUnit.WORKING_DAYS).dueAt()).isEqualTo(at("2027-01-11T10:00"));
		assertThat(deadline("2026-12-30T10:00", 1, LimitUnit.WORKING_HOURS).weekendsOnly()).isFalse();
	}

	@Test
	void aLocalDayAppliesToItsRegionsSubtreeOnly() {
		List<CalendarDay> days = new ArrayList<>(days2026());
		days.add(new CalendarDay(null, LocalDate.parse("2026-11-24"), DayKind.HOLIDAY, "地方节日", "/1/2/", "高新区"));
		WorkingTime local = new WorkingTime(SHANGHAI, HOURS, days, Set.of(2026));
		TimeLimit hour = TimeLimit.hours(1, LimitUnit.WORKING_HOURS);
		assertThat(local.deadline(at("2026-11-23T17:00"), hour, "/1/2/7/").dueAt()).isEqualTo(at("2026-11-25T09:00"));
		assertThat(local.deadline(at("2026-11-23T17:00"), hour, "/1/3/").dueAt()).isEqualTo(at("2026-11-24T09:00"));
		assertThat(local.deadline(at("2026-11-23T17:00"), hour, null).dueAt()).isEqualTo(at("2026-11-24T09:00"));
	}

	@Test
	void catalogLimitsOfWholeDaysOnWorkingTimeAreWorkingDays() {
		assertThat(TimeLimit.ofMinutes(4320, true)).isEqualTo(new TimeLimit(LimitUnit.WORKING_DAYS, 3));
		assertThat(TimeLimit.ofMinutes(120, true)).isEqualTo(new TimeLimit(LimitUnit.WORKING_HOURS, 120));
		assertThat(TimeLimit.ofMinutes(1440, false)).isEqualTo(new TimeLimit(LimitUnit.NATURAL_HOURS, 1440));
		assertThat(new CalendarSettings(List.of("09:00-12:00", "14:00-18:00")).periods())
			.containsExactly(new WorkingTime.Period(LocalTime.of(9, 0), LocalTime.of(12, 0)),
					new WorkingTime.Period(LocalTime.of(14, 0), LocalTime.of(18, 0)));
	}

}
