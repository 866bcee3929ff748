package chengguan.cases;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import chengguan.calendar.WorkingTime;
import chengguan.catalog.LimitBasis;

import static org.assertj.core.api.Assertions.assertThat;

/** Time limits in working hours (Mon–Fri 08:30–17:30, Asia/Shanghai) and calendar hours. */
class DueTimesTest {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	// one working period without a lunch break, as these expectations were written for; the calendar's own tests
	// cover the default 08:30–12:00 / 13:30–17:30 and the holidays
	private final DueTimes dueTimes = new DueTimes(() -> new WorkingTime(SHANGHAI,
			List.of(new WorkingTime.Period(LocalTime.of(8, 30), LocalTime.of(17, 30))), List.of(), Set.of(2026)));

	private static Instant at(String local) {
		return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
	}

	@Test
	void calendarMinutesRunDayAndNight() {
		assertThat(dueTimes.due(at("2026-11-27T22:00"), 240, LimitBasis.CALENDAR)).isEqualTo(at("2026-11-28T02:00"));
	}

	@Test
	void workingMinutesWithinOneDay() {
		assertThat(dueTimes.due(at("2026-11-23T09:00"), 120, LimitBasis.WORKING)).isEqualTo(at("2026-11-23T11:00"));
	}

	@Test
	void workingMinutesCarryOverTheNight() {
		// Monday 16:30 + 2 h: one hour on Monday, one on Tuesday from 08:30
		assertThat(dueTimes.due(at("2026-11-23T16:30"), 120, LimitBasis.WORKING)).isEqualTo(at("2026-11-24T09:30"));
	}

	@Test
	void aReportOnFridayEveningIsDueOnMonday() {
		assertThat(dueTimes.due(at("2026-11-27T20:00"), 60, LimitBasis.WORKING)).isEqualTo(at("2026-11-30T09:30"));
		assertThat(dueTimes.due(at("2026-11-28T10:00"), 30, LimitBasis.WORKING)).isEqualTo(at("2026-11-30T09:00"));
	}

	@Test
	void severalWorkingDays() {
		// 3 working days of 9 h from Wednesday 08:30: Wed, Thu, Fri → Friday 17:30
		assertThat(dueTimes.due(at("2026-11-25T08:30"), 3 * 9 * 60, LimitBasis.WORKING))
			.isEqualTo(at("2026-11-27T17:30"));
		// early morning counts from 08:30
		assertThat(dueTimes.due(at("2026-11-25T06:00"), 30, LimitBasis.WORKING)).isEqualTo(at("2026-11-25T09:00"));
	}

}
