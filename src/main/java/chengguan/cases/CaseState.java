package chengguan.cases;

/** Where a case stands; the Chinese names are {@code case.state.*} in messages.properties. */
public enum CaseState {

	/** 待受理 */
	PENDING,
	/** 已受理 */
	ACCEPTED,
	/** 已立案 */
	REGISTERED,
	/** 不予立案 (terminal; the reason is told to the reporter) */
	DECLINED,
	/** 已派遣 */
	DISPATCHED,
	/** 处置中 */
	HANDLING,
	/** 已反馈: the handler says it is done, awaiting 核查 */
	FEEDBACK,
	/** 已结案: verified, awaiting the reporter's 回访评价 */
	CLOSED,
	/** 已销号 (terminal): rated 满意/基本满意, or closed with nobody to rate */
	ARCHIVED,
	/** 已合并 (terminal): handled as part of another case */
	MERGED,
	/** 已挂起: handling waits (on the reporter, another department, the weather); its clock stands still */
	SUSPENDED,
	/** 未评价 (terminal): closed, and nobody rated it within the 回访 period; not counted as satisfied */
	UNRATED;

	public boolean isTerminal() {
		return this == DECLINED || this == ARCHIVED || this == MERGED || this == UNRATED;
	}

}
