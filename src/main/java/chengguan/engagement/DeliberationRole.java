package chengguan.engagement;

/** In what capacity someone sat at the table; {@code deliberation.role.*} in messages.properties. */
public enum DeliberationRole {

	/** 居委会 */
	RESIDENTS_COMMITTEE,
	/** 物业 */
	PROPERTY_COMPANY,
	/** 业委会 */
	OWNERS_COMMITTEE,
	/** 居民代表 */
	RESIDENT_REPRESENTATIVE,
	/** 城管 */
	CITY_MANAGEMENT

}
