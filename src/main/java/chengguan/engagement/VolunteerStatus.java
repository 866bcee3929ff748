package chengguan.engagement;

/** Where a registration stands; {@code volunteer.status.*} in messages.properties holds the Chinese names. */
public enum VolunteerStatus {

	/** 待审核 */
	PENDING,
	/** 已通过 */
	APPROVED,
	/** 未通过 (with a reason) */
	REJECTED

}
