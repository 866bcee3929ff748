package chengguan.organization;

/** A liaison (联络员) in a community's team, with the community's path for scope and drill-down. */
public record CommunityLiaison(long communityId, String communityPath, long staffId) {
}
