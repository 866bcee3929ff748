package chengguan.engagement;

/**
 * What a resident sends from the public registration page of a community.
 * @param consented whether the consent text was ticked
 * @param clientIp the sender's address, for the rate limit (null when staff register someone)
 */
public record VolunteerRegistration(String communityCode, String name, String phone, VolunteerKind kind,
		String skills, String availability, boolean consented, String clientIp) {

}
