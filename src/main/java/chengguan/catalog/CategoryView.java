package chengguan.catalog;

public record CategoryView(long id, Long parentId, String code, String name, CategoryKind kind, int depth,
		int sortOrder, boolean leaf, String responsibleDepartment, HandlingMode handlingMode, Integer acceptMinutes,
		Integer handleMinutes, LimitBasis limitBasis, String legalBasis, String icon, boolean active, long version) {

	/** Whether residents can report against it: an active leaf. */
	public boolean reportable() {
		return leaf && active;
	}

}
