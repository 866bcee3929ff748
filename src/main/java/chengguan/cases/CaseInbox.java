package chengguan.cases;

/** The tabs of the work inbox; {@code case.inbox.*} in messages.properties. */
public enum CaseInbox {

	/** 待受理 */
	TO_ACCEPT,
	/** 待派遣: accepted or registered, not yet dispatched */
	TO_DISPATCH,
	/** 我的待办: open cases on which one of the person's roles can take a step */
	MINE,
	/** 即将超期: 80 % of the time limit used */
	DUE_SOON,
	/** 已超期 */
	OVERDUE,
	/** 督办: escalated up the region tree */
	SUPERVISED,
	/** 全部 */
	ALL

}
