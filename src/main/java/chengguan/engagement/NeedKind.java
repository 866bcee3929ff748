package chengguan.engagement;

/** What a resident brings: a suggestion 建议 (人民建议) or a need 需求 (居民需求清单); {@code need.kind.*}. */
public enum NeedKind {

	/** 建议 */
	SUGGESTION,
	/** 需求 */
	NEED

}
