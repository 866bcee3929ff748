package chengguan.catalog;

/** Whether a time limit counts working hours or calendar hours. */
public enum LimitBasis {

	WORKING, CALENDAR

}
