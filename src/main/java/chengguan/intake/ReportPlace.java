package chengguan.intake;

import java.math.BigDecimal;

/**
 * Where one report was made and what kind it is, for analysis of hot spots: the address as typed (may be null),
 * the position if any, and the description (for listing residents' suggestions).
 */
public record ReportPlace(long reportId, ReportKind kind, String address, BigDecimal latitude, BigDecimal longitude,
		String description) {
}
