package chengguan.engagement;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A suggestion or need as the staff pages show it. The phone is the raw number: templates show it through
 * {@code @personalData}.
 *
 * @param measureOverdue its measure's deadline has passed while the need is still open, as of when it was read
 */
public record Need(long id, long communityId, String communityName, NeedKind kind, NeedSource source, String content,
		String residentName, String residentPhone, NeedStatus status, String rejectionReason, String measure,
		String measureOwner, LocalDate measureDeadline, Long reportId, String reportTrackingCode, Instant receivedAt,
		String recordedBy, long version, boolean measureOverdue) {

	public boolean promoted() {
		return reportId != null;
	}

	public boolean promotable() {
		return reportId == null && status.isOpen();
	}

}
