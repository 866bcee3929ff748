package chengguan.cases;

import java.time.Instant;

/** A case as services and pages read it. */
public record CaseView(long id, long reportId, String trackingCode, String channel, CaseState state, String handlingMode,
		Long categoryId, long communityId, String regionPath, Long assigneeUnitId, Long assigneeStaffId, Long mergedIntoId,
		Instant acceptDueAt, Instant handleStartedAt, Instant handleDueAt, Instant overdueAt, int escalationLevel,
		int reworkCount, Instant createdAt, Instant closedAt, long version, Instant acceptWarnAt, Instant handleWarnAt,
		int returnCount, RequestReason excludedAs) {

	/** Accepting runs against the accept limit; registered and later, handling runs against the handle limit. */
	public boolean inAcceptPhase() {
		return state == CaseState.PENDING || state == CaseState.ACCEPTED;
	}

	public boolean inHandlePhase() {
		return state == CaseState.REGISTERED || state == CaseState.DISPATCHED || state == CaseState.HANDLING;
	}

	/** The deadline that applies now, if any. */
	public Instant currentDue() {
		return inAcceptPhase() ? acceptDueAt : inHandlePhase() ? handleDueAt : null;
	}

	/** When the 80 % warning of the current limit starts, counted as the limit is (working time for working limits). */
	public Instant currentWarn() {
		return inAcceptPhase() ? acceptWarnAt : inHandlePhase() ? handleWarnAt : null;
	}

	/**
	 * Green, yellow from 80 % of the time used (the stored warning time, counted on the work calendar), red when
	 * overdue; none once nothing is running against a limit.
	 */
	public TimeStatus timeStatus(Instant now) {
		Instant due = currentDue();
		if (due == null) {
			return TimeStatus.NONE;
		}
		if (!now.isBefore(due)) {
			return TimeStatus.OVERDUE;
		}
		if (currentWarn() != null) {
			return now.isBefore(currentWarn()) ? TimeStatus.ON_TIME : TimeStatus.WARNING;
		}
		// cases from before warning times were stored: 80 % of the calendar time
		Instant start = inAcceptPhase() ? createdAt : handleStartedAt != null ? handleStartedAt : createdAt;
		long total = java.time.Duration.between(start, due).toSeconds();
		long used = java.time.Duration.between(start, now).toSeconds();
		return total > 0 && used * 5 >= total * 4 ? TimeStatus.WARNING : TimeStatus.ON_TIME;
	}

	/** The countdown in words: 剩余 3 小时 20 分 / 超期 1 天 2 小时. */
	public String countdown(Instant now) {
		Instant due = currentDue();
		if (due == null) {
			return "";
		}
		java.time.Duration left = java.time.Duration.between(now, due);
		java.time.Duration span = left.isNegative() ? left.negated() : left;
		long days = span.toDays();
		long hours = span.toHoursPart();
		long minutes = span.toMinutesPart();
		String amount = days > 0 ? days + " 天 " + hours + " 小时" : hours > 0 ? hours + " 小时 " + minutes + " 分"
				: minutes + " 分";
		return (left.isNegative() ? "超期 " : "剩余 ") + amount;
	}

	public enum TimeStatus {

		NONE, ON_TIME, WARNING, OVERDUE

	}

}
