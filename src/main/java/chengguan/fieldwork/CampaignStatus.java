package chengguan.fieldwork;

import java.time.LocalDate;

/** Where a campaign stands, from its dates alone; {@code campaign.status.*} in messages.properties. */
public enum CampaignStatus {

	/** 未开始 */
	NOT_STARTED,
	/** 进行中 (the first and the last day included) */
	RUNNING,
	/** 已结束 */
	ENDED;

	public static CampaignStatus on(LocalDate day, LocalDate start, LocalDate end) {
		if (day.isBefore(start)) {
			return NOT_STARTED;
		}
		return day.isAfter(end) ? ENDED : RUNNING;
	}

}
