package chengguan.engagement;

import chengguan.fieldwork.WorkItem;

/** What kind of event; {@code publicityEvent.kind.*} in messages.properties. */
public enum PublicityEventKind {

	/** 普法宣传: 以案释法 in the community */
	LAW_PUBLICITY(WorkItem.LAW_PUBLICITY),
	/** 城管开放日 */
	OPEN_DAY(WorkItem.LAW_PUBLICITY),
	/** 法制宣传日 (12月4日 and the like) */
	LEGAL_DAY(WorkItem.LAW_PUBLICITY),
	/** 培训: property staff and volunteers taught the rules they help enforce */
	TRAINING(WorkItem.LAW_PUBLICITY),
	/** 志愿服务活动 run with the community's volunteers */
	VOLUNTEER_ACTIVITY(WorkItem.VOLUNTEERING);

	private final WorkItem workItem;

	PublicityEventKind(WorkItem workItem) {
		this.workItem = workItem;
	}

	/** The work item the organiser's duty log counts a held event under. */
	public WorkItem workItem() {
		return workItem;
	}

}
