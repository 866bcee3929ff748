package chengguan.intake;

/** 诉求类型; the Chinese names are in messages.properties under {@code report.kind.*}. */
public enum ReportKind {

	/** 咨询 */
	INQUIRY,
	/** 投诉 */
	COMPLAINT,
	/** 举报 */
	TIP_OFF,
	/** 建议 */
	SUGGESTION,
	/** 求助 */
	HELP

}
