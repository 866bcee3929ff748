package chengguan.engagement;

import java.time.Instant;
import java.util.List;

/**
 * One inspection of a merchant's frontage and the points it added or deducted.
 * @param netPoints the sum of the lines' points
 */
public record MerchantInspection(long id, long merchantId, Instant inspectedAt, String inspectorName, int netPoints,
		String note, List<Line> lines) {

	/** An item as it was scored: name and points copied from the points table at the time. */
	public record Line(String itemName, int points, String remark) {

		public String signedPoints() {
			return points > 0 ? "+" + points : "−" + (-points);
		}

	}

}
