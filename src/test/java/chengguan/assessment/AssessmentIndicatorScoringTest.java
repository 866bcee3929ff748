package chengguan.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import chengguan.platform.web.InvalidRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Scoring rules and rankings on hand-picked inputs, worked out below. The block is the default 20-point
 * 城管进社区 block: 办结率 6 (97 → 6, 80 → 0), 满意率 6 (98 → 6, 80 → 0), 走访达标 4 (100 → 4, 50 → 0),
 * 台账按时报送 2 (−1 per late ledger), 双向评价 2 (4.5 → 2, 2.5 → 0).
 */
class AssessmentIndicatorScoringTest {

	private static final Indicator CLOSURE = leaf(2, "办结率", "6", IndicatorSource.KPI, Kpi.CLOSURE_RATE,
			IndicatorRule.LINEAR, "97", "80", null, false);

	private static final Indicator SATISFACTION = leaf(3, "满意率", "6", IndicatorSource.KPI, Kpi.SATISFACTION_RATE,
			IndicatorRule.LINEAR, "98", "80", null, false);

	private static final Indicator VISITS = leaf(4, "走访达标", "4", IndicatorSource.KPI, Kpi.VISIT_COMPLIANCE,
			IndicatorRule.LINEAR, "100", "50", null, false);

	private static final Indicator LEDGER = leaf(5, "台账按时报送", "2", IndicatorSource.LEDGER_LATE, null,
			IndicatorRule.DEDUCTION, null, null, "1", false);

	private static final Indicator RATING = leaf(6, "双向评价", "2", IndicatorSource.MUTUAL_RATING, null,
			IndicatorRule.LINEAR, "4.5", "2.5", null, false);

	private static final Indicator BLOCK = new Indicator(1, null, "城管进社区", new BigDecimal("20"),
			IndicatorSource.GROUP, null, IndicatorRule.SUM, null, null, null, false, 1, 0,
			List.of(CLOSURE, SATISFACTION, VISITS, LEDGER, RATING));

	@Test
	void theLinearRuleGivesFullPointsAtTheTargetNoneAtTheFloorAndAShareBetween() {
		assertThat(points(CLOSURE, 97.0)).isEqualByComparingTo("6.00"); // exactly at the target
		assertThat(points(CLOSURE, 99.5)).isEqualByComparingTo("6.00"); // beyond it: no more than full
		assertThat(points(CLOSURE, 80.0)).isEqualByComparingTo("0.00"); // exactly at the floor
		assertThat(points(CLOSURE, 40.0)).isEqualByComparingTo("0.00"); // below it: never negative
		assertThat(points(SATISFACTION, 89.0)).isEqualByComparingTo("3.00"); // (89 − 80) / (98 − 80) = 1/2 of 6
		assertThat(points(CLOSURE, 90.0)).isEqualByComparingTo("3.53"); // 6 × 10/17 = 3.529…
		assertThat(points(RATING, 23.0 / 6)).isEqualByComparingTo("1.33"); // 2 × (3.833 − 2.5) / 2
		assertThat(CLOSURE.ruleText()).isEqualTo("≥ 97 得满分，≤ 80 得 0 分，之间线性计分；无数据时不得分");

		// lower is better: the floor above the target; 75 min is halfway from 120 to 30
		Indicator response = leaf(7, "平均响应时长", "4", IndicatorSource.KPI, Kpi.RESPONSE_AVERAGE,
				IndicatorRule.LINEAR, "30", "120", null, false);
		assertThat(points(response, 75.0)).isEqualByComparingTo("2.00");
		assertThat(points(response, 20.0)).isEqualByComparingTo("4.00");
		assertThat(points(response, 150.0)).isEqualByComparingTo("0.00");
		assertThat(response.ruleText()).isEqualTo("≤ 30 得满分，≥ 120 得 0 分，之间线性计分；无数据时不得分");
	}

	@Test
	void deductionsStopAtZeroAndManualPointsAreCappedAtTheIndicatorsPoints() {
		assertThat(points(LEDGER, 0.0)).isEqualByComparingTo("2.00");
		assertThat(points(LEDGER, 1.0)).isEqualByComparingTo("1.00");
		assertThat(points(LEDGER, 3.0)).isEqualByComparingTo("0.00");
		Indicator manual = leaf(8, "创新亮点", "3", IndicatorSource.MANUAL, null, IndicatorRule.MANUAL, null, null,
				null, false);
		assertThat(points(manual, 2.5)).isEqualByComparingTo("2.50");
		assertThat(points(manual, 9.0)).isEqualByComparingTo("3.00");
	}

	@Test
	void aMissingInputScoresNothingUnlessTheIndicatorSaysFullAndIsMarkedMissing() {
		IndicatorScore none = IndicatorScore.of(SATISFACTION, indicator -> null);
		assertThat(none.points()).isEqualByComparingTo("0");
		assertThat(none.missing()).isTrue();
		assertThat(none.input()).isNull();
		Indicator lenient = leaf(3, "满意率", "6", IndicatorSource.KPI, Kpi.SATISFACTION_RATE, IndicatorRule.LINEAR,
				"98", "80", null, true);
		assertThat(IndicatorScore.of(lenient, indicator -> null).points()).isEqualByComparingTo("6.00");
		assertThat(IndicatorScore.of(lenient, indicator -> Double.NaN).missing()).isTrue();
	}

	@Test
	void theBlockIsTheSumOfItsIndicatorsAndItsWeightsAddUpToTwenty() {
		assertThat(BLOCK.childrenPoints()).isEqualByComparingTo("20");
		assertThat(BLOCK.unbalanced()).isFalse();
		// 办结率 97 → 6; 满意率 89 → 3; 走访 75 % → 2; one late ledger → 1; 双向评价 23/6 → 1.33; total 13.33
		Map<Long, Double> inputs = Map.of(2L, 97.0, 3L, 89.0, 4L, 75.0, 5L, 1.0, 6L, 23.0 / 6);
		IndicatorScore score = IndicatorScore.of(BLOCK, indicator -> inputs.get(indicator.id()));
		assertThat(score.points()).isEqualByComparingTo("13.33");
		assertThat(score.leaves()).extracting(IndicatorScore::points)
			.usingElementComparator(BigDecimal::compareTo)
			.containsExactly(new BigDecimal("6"), new BigDecimal("3"), new BigDecimal("2"), new BigDecimal("1"),
					new BigDecimal("1.33"));
		// no satisfaction figures at all: the block loses those 6 points
		Map<Long, Double> noRatings = Map.of(2L, 97.0, 4L, 75.0, 5L, 1.0, 6L, 23.0 / 6);
		assertThat(IndicatorScore.of(BLOCK, indicator -> noRatings.get(indicator.id())).points())
			.isEqualByComparingTo("10.33");

		Indicator heavier = leaf(2, "办结率", "7", IndicatorSource.KPI, Kpi.CLOSURE_RATE, IndicatorRule.LINEAR, "97",
				"80", null, false);
		Indicator edited = new Indicator(1, null, "城管进社区", new BigDecimal("20"), IndicatorSource.GROUP, null,
				IndicatorRule.SUM, null, null, null, false, 1, 0, List.of(heavier, SATISFACTION, VISITS, LEDGER, RATING));
		assertThat(edited.unbalanced()).isTrue();
		assertThat(edited.childrenPoints()).isEqualByComparingTo("21");
	}

	@Test
	void equalScoresShareARankAndTheNextRankIsSkipped() {
		List<AssessmentRanking.Scored> scored = List.of(scored("丙社区", "15"), scored("乙社区", "12.5"),
				scored("甲社区", "15"), scored("丁社区", "9"), scored("戊社区", "12.50"));
		AssessmentRanking ranking = AssessmentRanking.of(BLOCK,
				Period.of(Period.Kind.MONTH, LocalDate.of(2025, 3, 1)), AssessmentSubject.Kind.COMMUNITY, scored);
		assertThat(ranking.rows()).extracting(AssessmentRanking.Row::rank).containsExactly(1, 1, 3, 3, 5);
		// ties in name order (丙 U+4E19 before 甲 U+7532)
		assertThat(ranking.rows()).extracting(row -> row.subject().name())
			.containsExactly("丙社区", "甲社区", "乙社区", "戊社区", "丁社区");
	}

	@Test
	void aLinearRuleNeedsATargetDifferentFromItsFloorAndAGroupOnlySums() {
		assertThatThrownBy(() -> Indicators.check(new IndicatorDetails("办结率", new BigDecimal("6"),
				IndicatorSource.KPI, Kpi.CLOSURE_RATE, IndicatorRule.LINEAR, new BigDecimal("90"),
				new BigDecimal("90"), null, false, 1), IndicatorSource.KPI))
			.isInstanceOf(InvalidRequestException.class);
		assertThatThrownBy(() -> Indicators.check(new IndicatorDetails("办结率", new BigDecimal("-1"),
				IndicatorSource.KPI, Kpi.CLOSURE_RATE, IndicatorRule.LINEAR, new BigDecimal("97"),
				new BigDecimal("80"), null, false, 1), IndicatorSource.KPI))
			.isInstanceOf(InvalidRequestException.class);
		assertThatThrownBy(() -> Indicators.check(new IndicatorDetails("办结率", new BigDecimal("6"),
				IndicatorSource.KPI, null, IndicatorRule.LINEAR, new BigDecimal("97"), new BigDecimal("80"), null,
				false, 1), IndicatorSource.KPI))
			.isInstanceOf(InvalidRequestException.class);
		IndicatorDetails group = Indicators.check(new IndicatorDetails(" 城管进社区 ", new BigDecimal("20"),
				IndicatorSource.GROUP, Kpi.CLOSURE_RATE, IndicatorRule.LINEAR, BigDecimal.ONE, BigDecimal.TEN, null,
				true, 1), IndicatorSource.GROUP);
		assertThat(group.name()).isEqualTo("城管进社区");
		assertThat(group.rule()).isEqualTo(IndicatorRule.SUM);
		assertThat(group.kpi()).isNull();
	}

	private static AssessmentRanking.Scored scored(String name, String points) {
		Indicator total = leaf(9, "合计", "20", IndicatorSource.MANUAL, null, IndicatorRule.MANUAL, null, null, null,
				false);
		return new AssessmentRanking.Scored(
				new AssessmentSubject(AssessmentSubject.Kind.COMMUNITY, name.hashCode(), name, null),
				IndicatorScore.of(total, indicator -> Double.valueOf(points)));
	}

	private static BigDecimal points(Indicator indicator, double input) {
		return IndicatorScore.of(indicator, any -> input).points();
	}

	private static Indicator leaf(long id, String name, String points, IndicatorSource source, Kpi kpi,
			IndicatorRule rule, String target, String floor, String perItem, boolean fullWhenMissing) {
		return new Indicator(id, 1L, name, new BigDecimal(points), source, kpi, rule,
				target == null ? null : new BigDecimal(target), floor == null ? null : new BigDecimal(floor),
				perItem == null ? null : new BigDecimal(perItem), fullWhenMissing, (int) id, 0, List.of());
	}

}
