package chengguan.engagement;

/** {@code publicityEvent.status.*} in messages.properties. */
public enum PublicityEventStatus {

	/** 报名中 / 筹备中: planned, not yet held */
	PLANNED,
	/** 已举办: summary written, counted in the organiser's duty log */
	HELD

}
