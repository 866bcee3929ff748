package chengguan.engagement;

import java.util.EnumSet;
import java.util.Set;

import chengguan.intake.Channel;

/** Where a suggestion or need was collected; {@code need.source.*} in messages.properties. */
public enum NeedSource {

	/** 扫码: the resident sent it from the community's QR page */
	QR_CODE,
	/** 走访: written down on a visit to residents */
	VISIT,
	/** 需求调查: the quarterly needs survey 民生需求调研 */
	NEEDS_SURVEY,
	/** 议事会: raised at a deliberation meeting */
	DELIBERATION,
	/** 意见箱 */
	SUGGESTION_BOX,
	/** 现场接访 at the community workstation */
	WALK_IN;

	/** What staff record by hand; QR_CODE only ever comes from residents themselves. */
	public static Set<NeedSource> staffRecorded() {
		return EnumSet.complementOf(EnumSet.of(QR_CODE));
	}

	/**
	 * The intake channel of the case a need is promoted to: what staff heard in person is 现场接访; everything that
	 * came through the community's own channels (its QR page, survey, suggestion box, meeting) is 居委会/物业/业委会.
	 */
	public Channel caseChannel() {
		return this == VISIT || this == WALK_IN ? Channel.WALK_IN : Channel.COMMUNITY_BODY;
	}

}
