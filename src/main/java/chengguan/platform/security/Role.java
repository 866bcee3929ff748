package chengguan.platform.security;

/** Staff roles; the Chinese names are in messages.properties under {@code role.*}. */
public enum Role {

	/** 系统管理员 */
	ADMIN,
	/** 局领导 */
	LEADER,
	/** 指挥调度 */
	DISPATCHER,
	/** 联络员 */
	LIAISON,
	/** 处置人员 (科室/协同部门) */
	HANDLER,
	/** 社区工作人员 */
	COMMUNITY_STAFF,
	/** 督查 */
	INSPECTOR;

	public String authority() {
		return "ROLE_" + name();
	}

}
