package chengguan.intake;

/** Steps on a report's public timeline; the plain-Chinese wording is {@code report.event.*} in messages.properties. */
public enum ReportEventType {

	RECEIVED, MERGED, ACCEPTED, DECLINED, DISPATCHED, HANDLED, CLOSED, REOPENED, RATED

}
