package chengguan.organization;

/** One community in the 附件3 table: its own person in charge and the bureau's responsible officer. */
public record AssignmentRow(long communityId, String communityName, long streetId, String streetName,
		String contactName, String contactPhone, Long responsibleStaffId, String responsibleName,
		String responsiblePosition, String responsiblePhone, Integer visitDaysPerMonth, int teamSize) {
}
