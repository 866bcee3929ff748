package chengguan.engagement;

import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The 门前三包 rules on their own: month scores, the floor, ranks with ties, 最美商户 and the star bands. */
class MerchantRankingTest {

	private static final YearMonth MARCH = YearMonth.of(2026, 3);

	private static MerchantTally shop(long id, String name, int monthNet, int inspections, int deductions,
			int accumulatedNet) {
		return new MerchantTally(id, name, "测试社区", "餐饮", Set.of(FrontageDuty.ORDER), monthNet, inspections,
				deductions, accumulatedNet);
	}

	@Test
	void aMonthStartsAt100AndAdditionsAndDeductionsMoveIt() {
		// 门前整洁 +2, 主动劝阻 +3, 店外经营 −5, 门前乱堆乱放 −3: 100 + 2 + 3 − 5 − 3 = 97
		assertThat(MerchantRanking.monthScore(2 + 3 - 5 - 3)).isEqualTo(97);
		assertThat(MerchantRanking.monthScore(0)).isEqualTo(100);
		assertThat(MerchantRanking.monthScore(2 + 2 + 5)).isEqualTo(109);
	}

	@Test
	void aMonthScoreNeverGoesBelowZero() {
		assertThat(MerchantRanking.monthScore(-100)).isZero();
		assertThat(MerchantRanking.monthScore(-150)).isZero();
		assertThat(MerchantRanking.monthScore(-99)).isEqualTo(1);
		assertThat(MerchantRanking.accumulatedPoints(-8)).isZero();
		assertThat(MerchantRanking.accumulatedPoints(7)).isEqualTo(7);
	}

	@Test
	void equalScoresShareARankAndTheNextRankIsSkipped() {
		MerchantRanking ranking = MerchantRanking.of(MARCH, "测试社区", List.of(
				shop(1, "甲店", -2, 1, 1, 10), // 98
				shop(2, "乙店", 3, 1, 0, 5), // 103
				shop(3, "丙店", 5, 2, 0, 30), // 105
				shop(4, "丁店", 3, 1, 0, 40), // 103, more accumulated than 乙店
				shop(5, "戊店", 0, 0, 0, 0)), // 100, not inspected
				3);
		assertThat(ranking.rows()).extracting(row -> row.tally().name())
			.containsExactly("丙店", "丁店", "乙店", "戊店", "甲店");
		assertThat(ranking.rows()).extracting(MerchantRanking.Row::rank).containsExactly(1, 2, 2, 4, 5);
		assertThat(ranking.rows()).extracting(MerchantRanking.Row::monthScore).containsExactly(105, 103, 103, 100, 98);
	}

	@Test
	void aTieInScoreAndAccumulatedPointsIsListedByName() {
		MerchantRanking ranking = MerchantRanking.of(MARCH, "测试社区",
				List.of(shop(1, "张记", 2, 1, 0, 2), shop(2, "阿福", 2, 1, 0, 2)), 3);
		// same score, same accumulated points: both first; 阿福 (ā) before 张记 (zhāng) in Chinese order
		assertThat(ranking.rows()).extracting(row -> row.tally().name()).containsExactly("阿福", "张记");
		assertThat(ranking.rows()).extracting(MerchantRanking.Row::rank).containsExactly(1, 1);
	}

	@Test
	void theFinestAreTheTopNInspectedWithoutDeductionAndTiesAtTheEdgeAreIncluded() {
		MerchantRanking ranking = MerchantRanking.of(MARCH, "测试社区", List.of(
				shop(1, "一号", 15 - 3, 2, 1, 50), // 112 but deducted this month: ranked first, not finest
				shop(2, "二号", 10, 2, 0, 10), // 110
				shop(3, "三号", 6, 1, 0, 6), // 106
				shop(4, "四号", 6, 1, 0, 6), // 106, tied with the second finest place
				shop(5, "五号", 4, 1, 0, 4), // 104
				shop(6, "六号", 0, 0, 0, 0)), // 100, never inspected
				2);
		assertThat(ranking.finest()).extracting(row -> row.tally().name()).containsExactly("二号", "三号", "四号");
		assertThat(ranking.rows().get(0).tally().name()).isEqualTo("一号");
		assertThat(ranking.rows().get(0).finest()).isFalse();
	}

	@Test
	void withFewerEligibleMerchantsThanNAllOfThemAreFinestAndNoneIfNobodyWasInspected() {
		MerchantRanking some = MerchantRanking.of(MARCH, "测试社区",
				List.of(shop(1, "一号", 2, 1, 0, 2), shop(2, "二号", 0, 0, 0, 0), shop(3, "三号", -5, 1, 1, -5)), 3);
		assertThat(some.finest()).extracting(row -> row.tally().name()).containsExactly("一号");
		MerchantRanking none = MerchantRanking.of(MARCH, "测试社区", List.of(shop(1, "一号", 0, 0, 0, 0)), 3);
		assertThat(none.finest()).isEmpty();
	}

	@Test
	void starBandsAtTheirEdges() {
		assertThat(MerchantStar.of(-5)).isEmpty();
		assertThat(MerchantStar.of(19)).isEmpty();
		assertThat(MerchantStar.of(20)).contains(MerchantStar.ONE);
		assertThat(MerchantStar.of(39)).contains(MerchantStar.ONE);
		assertThat(MerchantStar.of(40)).contains(MerchantStar.TWO);
		assertThat(MerchantStar.of(60)).contains(MerchantStar.THREE);
		assertThat(MerchantStar.of(79)).contains(MerchantStar.THREE);
		assertThat(MerchantStar.of(80)).contains(MerchantStar.FOUR);
		assertThat(MerchantStar.of(99)).contains(MerchantStar.FOUR);
		assertThat(MerchantStar.of(100)).contains(MerchantStar.FIVE);
		assertThat(MerchantStar.of(500)).contains(MerchantStar.FIVE);
		assertThat(MerchantStar.THREE.symbols()).isEqualTo("★★★");
	}

	@Test
	void theRowCarriesTheStarOfItsAccumulatedPoints() {
		MerchantRanking ranking = MerchantRanking.of(MARCH, "测试社区",
				List.of(shop(1, "一号", 2, 1, 0, 40), shop(2, "二号", -3, 1, 1, 19)), 3);
		assertThat(ranking.rows()).extracting(MerchantRanking.Row::star).containsExactly(MerchantStar.TWO, null);
	}

}
