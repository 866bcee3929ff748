package chengguan.calendar;

/** How a time limit is counted; the Chinese names are {@code calendar.unit.*} in messages.properties. */
public enum LimitUnit {

	/** 自然小时: day and night, holidays included */
	NATURAL_HOURS,
	/** 工作小时: only inside the working hours of working days */
	WORKING_HOURS,
	/** 工作日: the same clock time on the N-th following working day */
	WORKING_DAYS;

	public boolean working() {
		return this != NATURAL_HOURS;
	}

}
