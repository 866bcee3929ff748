package chengguan.organization;

/**
 * Roles in a community's 1+N+X team besides the one responsible officer; Chinese names under
 * {@code team.role.*}.
 */
public enum TeamRole {

	/** 联络员 / 社区城管员 */
	LIAISON,
	/** 驻点执法队员 */
	ENFORCEMENT,
	/** 协同力量 (网格员, 物业, 志愿者 …) */
	SUPPORT

}
