package chengguan.intake;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Everything staff see about one report. */
public record ReportDetails(ReportRow summary, String streetName, String placeName, String address,
		BigDecimal latitude, BigDecimal longitude, Integer locationAccuracyMeters, String reporterName,
		String receivedBy, String externalId, String mergedIntoTrackingCode, Long mergedIntoId, int photoCount,
		Rating rating, String ratingComment, List<TimelineEntry> timeline, List<DuplicateCandidate> candidates) {

	/** An open report that may describe the same problem. */
	public record DuplicateCandidate(long id, String trackingCode, ReportStatus status, int distanceMeters,
			String description, Instant receivedAt) {
	}

}
