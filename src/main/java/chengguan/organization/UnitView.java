package chengguan.organization;

public record UnitView(long id, Long parentId, UnitKind kind, String name, long regionId, String regionName,
		String regionPath, String phone, String address, int sortOrder, boolean active, long version) {
}
