package chengguan.engagement;

/** The community a public volunteer page belongs to, as residents see it. */
public record VolunteerPlace(String communityCode, String communityName, String streetName) {

}
