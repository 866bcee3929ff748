package chengguan.fieldwork;

/** 工作事项 of a duty log; {@code work.item.*} in messages.properties. The first six are the seed's six functions. */
public enum WorkItem {

	/** 社区巡查 */
	PATROL,
	/** 投诉处置 */
	COMPLAINT_HANDLING,
	/** 普法宣传 */
	LAW_PUBLICITY,
	/** 意见征集 */
	OPINION_COLLECTION,
	/** 社区参与 */
	COMMUNITY_PARTICIPATION,
	/** 物业监督 */
	PROPERTY_SUPERVISION,
	/** 业务咨询 */
	CONSULTATION,
	/** 现场接访 */
	RECEPTION,
	/** 志愿服务 */
	VOLUNTEERING,
	/** 案件处理 */
	CASE_HANDLING,
	/** 社区工作例会 */
	MEETING,
	/** 联勤联动 */
	JOINT_DUTY,
	/** 联合执法 */
	JOINT_ENFORCEMENT,
	/** 专项检查 */
	SPECIAL_INSPECTION

}
