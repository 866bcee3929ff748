package chengguan.engagement;

import java.time.Instant;

/** A registered volunteer or citizen supervisor of one community. {@code phone} is in full: mask it for display. */
public record Volunteer(long id, long communityId, String communityName, String regionPath, String name,
		String phone, VolunteerKind kind, String skills, String availability, Instant registeredAt,
		VolunteerStatus status, String decisionReason, String decidedBy, Instant decidedAt, long version) {

}
