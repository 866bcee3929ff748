package chengguan.fieldwork;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import chengguan.fieldwork.VisitCompliance.Visit;

import static org.assertj.core.api.Assertions.assertThat;

/** The three visit rules of the seeds, on hand-made visit series. */
class VisitComplianceTest {

	/** 长宁: 每周不少于1次, 每次不少于2小时. */
	static final VisitRule CHANGNING = new VisitRule(1, VisitPeriod.WEEK, 1, 120, 0, "001 长宁区");

	/** 枣庄: 每月至少巡查和走访一次. */
	static final VisitRule ZAOZHUANG = new VisitRule(1, VisitPeriod.MONTH, 1, 0, 0, "000 枣庄高新区");

	/** 图木舒克: 每月固定4个工作日. */
	static final VisitRule TUMUSHUKE = new VisitRule(1, VisitPeriod.MONTH, 0, 0, 4, "002 图木舒克");

	private static Visit visit(String date, int minutes) {
		return new Visit(LocalDate.parse(date), minutes);
	}

	@Test
	void changningNeedsATwoHourVisitEveryWeek() {
		// November 2026: Mondays are 2, 9, 16, 23, 30
		List<Visit> visits = List.of(visit("2026-11-03", 150), visit("2026-11-10", 90), visit("2026-11-12", 130),
				visit("2026-11-20", 60), visit("2026-11-24", 120));
		VisitCompliance.Result result = VisitCompliance.evaluate(CHANGNING, visits, LocalDate.parse("2026-11-02"),
				LocalDate.parse("2026-11-29"));
		assertThat(result.periods()).extracting(VisitCompliance.Period::countedVisits).containsExactly(1, 1, 0, 1);
		assertThat(result.periods()).extracting(VisitCompliance.Period::met).containsExactly(true, true, false, true);
		assertThat(result.met()).isFalse();
		assertThat(result.periodsMissed()).isEqualTo(1);
	}

	@Test
	void zaozhuangNeedsOneVisitAMonthOfAnyLength() {
		List<Visit> visits = List.of(visit("2026-09-30", 20), visit("2026-11-15", 45));
		VisitCompliance.Result result = VisitCompliance.evaluate(ZAOZHUANG, visits, LocalDate.parse("2026-09-01"),
				LocalDate.parse("2026-11-30"));
		assertThat(result.periods()).extracting(VisitCompliance.Period::start).containsExactly(
				LocalDate.parse("2026-09-01"), LocalDate.parse("2026-10-01"), LocalDate.parse("2026-11-01"));
		assertThat(result.periods()).extracting(VisitCompliance.Period::met).containsExactly(true, false, true);
	}

	@Test
	void tumushukeNeedsFourDifferentDaysAMonth() {
		List<Visit> fourVisitsThreeDays = List.of(visit("2026-11-03", 240), visit("2026-11-03", 60),
				visit("2026-11-10", 240), visit("2026-11-17", 240));
		assertThat(VisitCompliance.evaluate(TUMUSHUKE, fourVisitsThreeDays, LocalDate.parse("2026-11-01"),
				LocalDate.parse("2026-11-30")).met()).isFalse();
		List<Visit> fourDays = List.of(visit("2026-11-03", 240), visit("2026-11-10", 240), visit("2026-11-17", 240),
				visit("2026-11-24", 30));
		VisitCompliance.Result result = VisitCompliance.evaluate(TUMUSHUKE, fourDays, LocalDate.parse("2026-11-01"),
				LocalDate.parse("2026-11-30"));
		assertThat(result.met()).isTrue();
		assertThat(result.periods().get(0).days()).isEqualTo(4);
		assertThat(result.periods().get(0).requiredDays()).isEqualTo(4);
	}

	@Test
	void aWeekCutByTheRangeShowsItsProgressButIsNotJudged() {
		// Sunday the 1st belongs to the week of 26 October; Monday the 23rd starts a week that ends after the range
		List<Visit> visits = List.of(visit("2026-11-01", 150), visit("2026-11-03", 150), visit("2026-11-23", 150));
		VisitCompliance.Result result = VisitCompliance.evaluate(CHANGNING, visits, LocalDate.parse("2026-11-01"),
				LocalDate.parse("2026-11-23"));
		assertThat(result.periods()).extracting(VisitCompliance.Period::whole)
			.containsExactly(false, true, true, true, false);
		assertThat(result.periods()).extracting(VisitCompliance.Period::met)
			.containsExactly(true, true, false, false, true);
		assertThat(result.wholePeriods()).isEqualTo(3);
		assertThat(result.periodsMissed()).isEqualTo(2);
		assertThat(result.unfinished()).get().extracting(VisitCompliance.Period::countedVisits).isEqualTo(1);
		VisitCompliance.Result monthSoFar = VisitCompliance.evaluate(ZAOZHUANG, List.of(), LocalDate.parse("2026-11-01"),
				LocalDate.parse("2026-11-23"));
		assertThat(monthSoFar.met()).isTrue();
		assertThat(monthSoFar.wholePeriods()).isZero();
	}

	@Test
	void visitsOutsideTheRangeDoNotCount() {
		List<Visit> visits = List.of(visit("2026-10-31", 300));
		assertThat(VisitCompliance.evaluate(ZAOZHUANG, visits, LocalDate.parse("2026-11-01"),
				LocalDate.parse("2026-11-30")).met()).isFalse();
	}

}
