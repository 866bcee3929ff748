package chengguan.intake;

/** The reporter's verdict on a closed report; {@code report.rating.*} in messages.properties. */
public enum Rating {

	/** 满意 */
	SATISFIED,
	/** 基本满意 */
	FAIRLY_SATISFIED,
	/** 不满意 */
	DISSATISFIED

}
