package chengguan.organization;

/** Kinds of unit; the Chinese names are in messages.properties under {@code unit.kind.*}. */
public enum UnitKind {

	/** 综合执法局 / 城市管理局 */
	BUREAU,
	/** 科室 */
	DEPARTMENT,
	/** 中队 */
	SQUADRON,
	/** 社区工作站 / 社区工作室 */
	WORKSTATION,
	/** 岗亭 */
	KIOSK,
	/** 协同部门 */
	PARTNER_DEPARTMENT,
	/** 居委会 */
	RESIDENTS_COMMITTEE,
	/** 业委会 */
	OWNERS_COMMITTEE,
	/** 物业服务企业 */
	PROPERTY_COMPANY

}
