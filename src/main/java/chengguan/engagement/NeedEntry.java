package chengguan.engagement;

/** A suggestion or need a staff member writes down at a visit, a needs survey, a meeting or the suggestion box. */
public record NeedEntry(String communityCode, NeedKind kind, NeedSource source, String content, String residentName,
		String residentPhone) {
}
