package chengguan.organization;

/**
 * Someone who owes a community visits: its 城管进社区负责人 ({@code responsible}) or one of its 联络员.
 */
public record VisitDuty(long communityId, String communityName, String communityPath, String streetName, long staffId,
		String staffName, String staffPhone, long staffUnitId, boolean responsible) {
}
