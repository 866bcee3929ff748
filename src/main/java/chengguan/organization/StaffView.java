package chengguan.organization;

public record StaffView(long id, String name, long unitId, String unitName, String unitRegionPath,
		String positionTitle, String phone, String wechat, String duties, boolean hasPhoto, boolean active,
		long version) {
}
