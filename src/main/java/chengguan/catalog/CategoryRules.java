package chengguan.catalog;

/** What a leaf says about handling its problems. */
public record CategoryRules(String responsibleDepartment, HandlingMode handlingMode, int acceptMinutes,
		int handleMinutes, LimitBasis limitBasis, String legalBasis, String icon, boolean active) {
}
