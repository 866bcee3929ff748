package chengguan.organization;

public record UnitDetails(UnitKind kind, String name, long regionId, Long parentId, String phone, String address,
		int sortOrder, boolean active) {
}
