package chengguan.assessment;

import java.math.BigDecimal;

/** What an admin sets on an indicator; a group takes only the name, points and order. */
public record IndicatorDetails(String name, BigDecimal points, IndicatorSource source, Kpi kpi, IndicatorRule rule,
		BigDecimal target, BigDecimal floor, BigDecimal perItem, boolean fullWhenMissing, int sortOrder) {
}
