package chengguan.fieldwork;

/** Where a rectification notice stands; {@code property.notice.status.*} in messages.properties. */
public enum RectificationStatus {

	/** 待整改: issued, not yet re-inspected */
	OPEN,
	/** 复查合格: final */
	RECTIFIED,
	/** 复查不合格: a new deadline is running and another re-inspection is due */
	FAILED;

	public boolean awaitsReinspection() {
		return this != RECTIFIED;
	}

}
