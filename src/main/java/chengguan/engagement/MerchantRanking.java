package chengguan.engagement;

import java.text.Collator;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The monthly 门前三包 points ranking of the merchants under one region, with 最美商户 and stars. The rules, in one
 * place:
 * <ul>
 * <li>Month score: every merchant starts each month (Asia/Shanghai) at {@value #MONTHLY_START}; the month's
 * inspection lines add and deduct; the score never goes below 0 (the floor applies to the month's total, so the
 * order of inspections within a month does not matter).</li>
 * <li>Accumulated points (累计积分, for the stars): the points of every inspection line up to the end of the month,
 * from 0, never below 0 (again a floor on the total). {@link MerchantStar} holds the bands.</li>
 * <li>Ranking: by month score, highest first. Equal scores share a rank and the next rank is skipped (1, 2, 2, 4);
 * within a tie, more accumulated points first, then by name.</li>
 * <li>最美商户: among merchants inspected in the month with no deduction that month, the {@code finestCount}
 * highest month scores; merchants tied with the last of them are named too, so there may be more.</li>
 * </ul>
 */
public record MerchantRanking(YearMonth month, String regionName, List<Row> rows) {

	public static final int MONTHLY_START = 100;

	private static final Collator NAMES = Collator.getInstance(Locale.CHINA);

	/** @param star null below the lowest band */
	public record Row(int rank, MerchantTally tally, int monthScore, int accumulatedPoints, MerchantStar star,
			boolean finest) {
	}

	public static int monthScore(int monthNet) {
		return Math.max(0, MONTHLY_START + monthNet);
	}

	public static int accumulatedPoints(int accumulatedNet) {
		return Math.max(0, accumulatedNet);
	}

	public static MerchantRanking of(YearMonth month, String regionName, List<MerchantTally> tallies,
			int finestCount) {
		List<MerchantTally> ordered = new ArrayList<>(tallies);
		ordered.sort(Comparator.comparingInt((MerchantTally t) -> monthScore(t.monthNet()))
			.reversed()
			.thenComparing(Comparator.comparingInt((MerchantTally t) -> accumulatedPoints(t.accumulatedNet())).reversed())
			.thenComparing(MerchantTally::name, NAMES)
			.thenComparingLong(MerchantTally::merchantId));
		List<Integer> eligibleScores = ordered.stream()
			.filter(MerchantRanking::eligibleForFinest)
			.map(t -> monthScore(t.monthNet()))
			.toList();
		Integer finestThreshold = eligibleScores.isEmpty() ? null
				: eligibleScores.get(Math.min(finestCount, eligibleScores.size()) - 1);
		List<Row> rows = new ArrayList<>(ordered.size());
		int rank = 0;
		int previousScore = Integer.MIN_VALUE;
		for (int i = 0; i < ordered.size(); i++) {
			MerchantTally tally = ordered.get(i);
			int score = monthScore(tally.monthNet());
			if (score != previousScore) {
				rank = i + 1;
				previousScore = score;
			}
			int accumulated = accumulatedPoints(tally.accumulatedNet());
			boolean finest = finestCount > 0 && finestThreshold != null && eligibleForFinest(tally)
					&& score >= finestThreshold;
			rows.add(new Row(rank, tally, score, accumulated, MerchantStar.of(accumulated).orElse(null), finest));
		}
		return new MerchantRanking(month, regionName, List.copyOf(rows));
	}

	private static boolean eligibleForFinest(MerchantTally tally) {
		return tally.monthInspections() > 0 && tally.monthDeductions() == 0;
	}

	/** 最美商户 of the month, in ranking order. */
	public List<Row> finest() {
		return rows.stream().filter(Row::finest).toList();
	}

}
