package chengguan.intake;

import java.util.EnumSet;
import java.util.Set;

/** Where a report came in; the Chinese names are in messages.properties under {@code report.channel.*}. */
public enum Channel {

	/** 扫码上报 from the community's QR code page */
	QR_CODE,
	/** 接口上报: a mini program or app through the public API */
	API,
	/** 12345 热线 work orders, imported */
	HOTLINE_12345,
	/** 电话 */
	PHONE,
	/** 现场接访 */
	WALK_IN,
	/** 巡查发现 */
	PATROL,
	/** 网格上报 */
	GRID,
	/** 居委会/物业/业委会 */
	COMMUNITY_BODY,
	/** 社区吹哨 */
	WHISTLE;

	/** The channels a staff member records by hand on the intake form. */
	public static Set<Channel> staffRecorded() {
		return EnumSet.of(PHONE, WALK_IN, PATROL, GRID, COMMUNITY_BODY, WHISTLE);
	}

	/** Residents themselves, unauthenticated: these are rate-limited. */
	public boolean isPublic() {
		return this == QR_CODE || this == API;
	}

}
