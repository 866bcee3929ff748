package chengguan.cases;

import java.time.Instant;

/** One unit called to a case, and how far it has answered. */
public record CaseCall(long id, long caseId, CallKind kind, Long unitId, String unitName, String request,
		String calledBy, Instant calledAt, Instant reportDueAt, Instant reportedAt, Instant answerDueAt, String answer,
		Instant answeredAt, Instant overdueAt) {

	public boolean awaitingReport() {
		return kind == CallKind.WHISTLE && reportedAt == null;
	}

	public boolean open() {
		return answeredAt == null;
	}

	/** 超时报到: a whistled unit that did not report in within the limit, whether or not it reported in later. */
	public boolean lateReport() {
		return kind == CallKind.WHISTLE
				&& (overdueAt != null || (reportedAt != null && reportDueAt != null && reportedAt.isAfter(reportDueAt)));
	}

	public boolean late(Instant now) {
		return (awaitingReport() && reportDueAt != null && !now.isBefore(reportDueAt))
				|| (open() && answerDueAt != null && !now.isBefore(answerDueAt));
	}

}
