package chengguan.organization;

public record StaffDetails(String name, long unitId, String positionTitle, String phone, String wechat,
		String duties, boolean active) {
}
