package chengguan.cases;

import java.time.Instant;

import chengguan.calendar.LimitUnit;
import chengguan.calendar.TimeLimit;

/**
 * One run of a stage against its limit, as the case page shows it.
 * @param countdown 剩余 / 超期 in the limit's own time (working time for working limits), empty once ended
 * @param weekendsOnly counted across a year without an imported calendar: only weekends were days off
 */
public record StageClock(long id, CaseStage stage, Instant startedAt, TimeLimit limit, Instant dueAt, Instant warnAt,
		Instant endedAt, Instant overdueAt, boolean weekendsOnly, String countdown) {

	public boolean running() {
		return endedAt == null;
	}

	/** Ended by its deadline (a stage that ended late stays late). */
	public boolean endedOnTime() {
		return endedAt != null && !endedAt.isAfter(dueAt);
	}

	public CaseView.TimeStatus status(Instant now) {
		if (endedAt != null) {
			return endedOnTime() ? CaseView.TimeStatus.NONE : CaseView.TimeStatus.OVERDUE;
		}
		if (!now.isBefore(dueAt)) {
			return CaseView.TimeStatus.OVERDUE;
		}
		return !now.isBefore(warnAt) ? CaseView.TimeStatus.WARNING : CaseView.TimeStatus.ON_TIME;
	}

	public boolean working() {
		return limit.unit() != LimitUnit.NATURAL_HOURS;
	}

}
