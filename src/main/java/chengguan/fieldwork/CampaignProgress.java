package chengguan.fieldwork;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A campaign's figures inside the person's scope: overall, and per target region (as far as it lies in the scope).
 * A case under two overlapping targets counts once overall.
 */
public record CampaignProgress(Figures overall, List<RegionFigures> regions) {

	public CampaignProgress {
		regions = List.copyOf(regions);
	}

	/** @param partOnly the target reaches beyond the scope: the figures are the scope's part of it */
	public record RegionFigures(Campaign.Target target, boolean partOnly, Figures figures) {
	}

	/**
	 * @param cases the campaign's cases, not counting those merged into another or declined (不予立案)
	 * @param closed of those, 已结案 or 已销号
	 * @param openOverdue of those, still open and past the limit that applies now
	 * @param patrols linked duty logs
	 * @param patrolMinutes how long they lasted together
	 * @param findingsAsCases linked duty logs whose finding became a case
	 */
	public record Figures(int cases, int closed, int openOverdue, int patrols, int patrolMinutes, int findingsAsCases) {

		public static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0);

		/** 办结率 in per cent with one decimal; null with no cases. */
		public BigDecimal closureRate() {
			return cases == 0 ? null
					: BigDecimal.valueOf(closed * 100L).divide(BigDecimal.valueOf(cases), 1, RoundingMode.HALF_UP);
		}

		public BigDecimal patrolHours() {
			return BigDecimal.valueOf(patrolMinutes).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP);
		}

		Figures plusCases(int cases, int closed, int openOverdue) {
			return new Figures(this.cases + cases, this.closed + closed, this.openOverdue + openOverdue, patrols,
					patrolMinutes, findingsAsCases);
		}

		Figures plusPatrol(int minutes, boolean findingAsCase) {
			return new Figures(cases, closed, openOverdue, patrols + 1, patrolMinutes + minutes,
					findingsAsCases + (findingAsCase ? 1 : 0));
		}

	}

}
