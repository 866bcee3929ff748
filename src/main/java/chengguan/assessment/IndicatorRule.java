package chengguan.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How an indicator turns its input into points; every result lies between 0 and the indicator's points. */
public enum IndicatorRule {

	/** A group: the sum of its children's points. */
	SUM("合计下级指标"),
	/**
	 * Full points at or beyond the target, none at or beyond the floor, linear in between. A floor above the target
	 * means lower is better (response times), so one formula serves both directions.
	 */
	LINEAR("达标满分，线性递减至下限为 0"),
	/** The points, less {@code perItem} for each counted item (a late ledger), never below 0. */
	DEDUCTION("每项扣分，扣完为止"),
	/** Points an admin enters with evidence. */
	MANUAL("人工评分（附依据）");

	private final String label;

	IndicatorRule(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Points from a present input (for MANUAL, the points entered); SUM is worked out from the children. */
	BigDecimal points(Indicator indicator, double input) {
		BigDecimal full = indicator.points();
		BigDecimal points = switch (this) {
			case SUM -> throw new IllegalStateException("a group's points are its children's");
			case LINEAR -> full.multiply(BigDecimal.valueOf(linearShare(input, indicator.target().doubleValue(),
					indicator.floor().doubleValue())));
			case DEDUCTION -> full.subtract(indicator.perItem().multiply(BigDecimal.valueOf(input)));
			case MANUAL -> BigDecimal.valueOf(input);
		};
		return points.max(BigDecimal.ZERO).min(full).setScale(2, RoundingMode.HALF_UP);
	}

	/** 1 at or beyond the target, 0 at or beyond the floor; the target and floor differ (checked when saved). */
	static double linearShare(double value, double target, double floor) {
		double share = (value - floor) / (target - floor);
		return Math.max(0, Math.min(1, share));
	}

}
