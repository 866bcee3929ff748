package chengguan.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.Function;

/**
 * What a subject scored on one indicator: the input it was scored on (null when there was nothing to measure) and
 * the points; a group holds its children's scores and their sum.
 */
public record IndicatorScore(Indicator indicator, Double input, BigDecimal points, boolean missing,
		List<IndicatorScore> children) {

	/**
	 * Scores a subject on the indicator and everything below it. {@code inputs} gives a leaf's input, or null when
	 * the subject has nothing to measure; such a leaf scores full points or none as the indicator says.
	 */
	public static IndicatorScore of(Indicator indicator, Function<Indicator, Double> inputs) {
		if (indicator.group()) {
			List<IndicatorScore> children = indicator.children().stream().map(child -> of(child, inputs)).toList();
			BigDecimal sum = children.stream().map(IndicatorScore::points).reduce(BigDecimal.ZERO, BigDecimal::add);
			return new IndicatorScore(indicator, null, sum.setScale(2, RoundingMode.HALF_UP), false, children);
		}
		Double input = inputs.apply(indicator);
		if (input == null || input.isNaN()) {
			BigDecimal points = indicator.fullWhenMissing() ? indicator.points() : BigDecimal.ZERO;
			return new IndicatorScore(indicator, null, points.setScale(2, RoundingMode.HALF_UP), true, List.of());
		}
		return new IndicatorScore(indicator, input, indicator.rule().points(indicator, input), false, List.of());
	}

	/** The leaves' scores, in the tree's order: the breakdown a ranking shows. */
	public List<IndicatorScore> leaves() {
		if (children.isEmpty()) {
			return indicator.group() ? List.of() : List.of(this);
		}
		return children.stream().flatMap(child -> child.leaves().stream()).toList();
	}

}
