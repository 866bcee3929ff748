package chengguan.cases;

/** What a case request asks for; {@code case.request.*} in messages.properties. */
public enum RequestKind {

	/** 延期 */
	EXTENSION,
	/** 挂起 */
	SUSPENSION,
	/** 无理诉求 / 重复诉求 */
	EXCLUSION

}
