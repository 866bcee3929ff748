package chengguan.assessment;

import java.math.BigDecimal;
import java.util.List;

/**
 * One node of the indicator system (指标体系): a group whose points are made up by its children, or a leaf that
 * scores one input by its rule.
 *
 * @param fullWhenMissing whether a subject with nothing to measure (no cases, no ratings) gets full points rather
 * than none
 */
public record Indicator(long id, Long parentId, String name, BigDecimal points, IndicatorSource source, Kpi kpi,
		IndicatorRule rule, BigDecimal target, BigDecimal floor, BigDecimal perItem, boolean fullWhenMissing,
		int sortOrder, long version, List<Indicator> children) {

	public boolean group() {
		return source == IndicatorSource.GROUP;
	}

	/** The sum of the children's points, which a group's points should equal. */
	public BigDecimal childrenPoints() {
		return children.stream().map(Indicator::points).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	/** Whether this is a group whose children's points do not add up to its own. */
	public boolean unbalanced() {
		return group() && !children.isEmpty() && childrenPoints().compareTo(points) != 0;
	}

	/** This node and everything below it, depth first. */
	public List<Indicator> flatten() {
		List<Indicator> all = new java.util.ArrayList<>();
		all.add(this);
		children.forEach(child -> all.addAll(child.flatten()));
		return all;
	}

	public List<Indicator> leaves() {
		return flatten().stream().filter(indicator -> !indicator.group()).toList();
	}

	/** The rule in words, as the configuration page and the ranking's footnote show it. */
	public String ruleText() {
		return switch (rule) {
			case SUM -> "下级指标分值之和";
			case LINEAR -> target.compareTo(floor) > 0
					? "≥ " + plain(target) + " 得满分，≤ " + plain(floor) + " 得 0 分，之间线性计分"
					: "≤ " + plain(target) + " 得满分，≥ " + plain(floor) + " 得 0 分，之间线性计分";
			case DEDUCTION -> "每次扣 " + plain(perItem) + " 分，扣完为止";
			case MANUAL -> "人工评分，须填写依据";
		} + (fullWhenMissing ? "；无数据时得满分" : group() ? "" : "；无数据时不得分");
	}

	private static String plain(BigDecimal value) {
		return value == null ? "—" : value.stripTrailingZeros().toPlainString();
	}

}
