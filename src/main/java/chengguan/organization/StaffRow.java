package chengguan.organization;

/** One line of the roster. */
public record StaffRow(long id, String name, String positionTitle, String phone, long unitId, String unitName,
		String regionName, boolean active, boolean hasPhoto) {
}
