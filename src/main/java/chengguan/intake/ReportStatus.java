package chengguan.intake;

/**
 * Where a report stands as its reporter sees it. Intake itself only knows 待受理 and 已合并; the case workflow
 * moves reports on and finally to {@link #CLOSED}, when the reporter may rate the result.
 */
public enum ReportStatus {

	/** 待受理 */
	PENDING,
	/** 已合并: handled together with another report of the same problem */
	MERGED,
	/** 处理中 */
	IN_PROGRESS,
	/** 不予受理 */
	DECLINED,
	/** 已办结 */
	CLOSED;

	public boolean isOpen() {
		return this == PENDING || this == IN_PROGRESS;
	}

}
