package chengguan.intake;

import java.time.Instant;
import java.util.List;

/**
 * What anyone holding the tracking code may see: no phone, no name, no photos. {@code status} is the one the
 * reporter should read: for a merged report, the status of the report it was merged into.
 */
public record PublicReportStatus(String trackingCode, ReportStatus status, boolean merged, ReportKind kind,
		Channel channel, String categoryName, String communityName, String streetName, String description,
		String address, Instant receivedAt, Rating rating, List<TimelineEntry> timeline) {

	public boolean mayRate() {
		return status == ReportStatus.CLOSED && rating == null;
	}

}
