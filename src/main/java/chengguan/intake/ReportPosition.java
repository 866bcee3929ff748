package chengguan.intake;

import java.math.BigDecimal;

/** Where a report's problem is (WGS-84, as the phone or the map gave it). */
public record ReportPosition(long reportId, BigDecimal latitude, BigDecimal longitude) {
}
