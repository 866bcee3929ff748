package chengguan.fieldwork;

/** The period a visit rule counts in: ISO weeks (Monday to Sunday) or calendar months. */
public enum VisitPeriod {

	WEEK, MONTH

}
