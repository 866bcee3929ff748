package chengguan.engagement;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A publicity event as the pages show it.
 *
 * @param code the random code of its public sign-up page /e/{code}
 * @param signUpOpen residents may still sign up (planned, not started, seats left), as of when it was read
 */
public record PublicityEvent(long id, String code, String title, PublicityEventKind kind, long communityId,
		String communityName, String place, LocalDate date, LocalTime start, LocalTime end, int capacity, int signedUp,
		long organiserStaffId, String organiserName, String description, PublicityEventStatus status, String summary,
		Long dutyLogId, int photoCount, long version, boolean signUpOpen) {

	public int seatsLeft() {
		return Math.max(0, capacity - signedUp);
	}

}
