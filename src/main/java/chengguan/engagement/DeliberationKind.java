package chengguan.engagement;

/** The form of the meeting; {@code deliberation.kind.*} in messages.properties. */
public enum DeliberationKind {

	/** 居民议事会, monthly in Xi'an's practice */
	RESIDENTS_COUNCIL,
	/** 幸福圆桌会, weekly */
	ROUND_TABLE,
	/** 民主恳谈 */
	DEMOCRATIC_CONSULTATION,
	/** 四位一体议事: 社区、物业、业委会、居委会 */
	FOUR_PARTY

}
