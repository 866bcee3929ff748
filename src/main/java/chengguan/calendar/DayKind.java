package chengguan.calendar;

/** An exception to the Monday–Friday week; the Chinese names are {@code calendar.kind.*}. */
public enum DayKind {

	/** 放假: a day off, e.g. 国庆 */
	HOLIDAY,
	/** 调休上班: a weekend day that is worked */
	WORKDAY

}
