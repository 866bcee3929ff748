package chengguan.cases;

import java.time.Instant;

/** A case in a list: enough to choose which one to open. */
public record CaseRow(long id, String trackingCode, CaseState state, String channel, String categoryName,
		String communityName, String assigneeUnitName, Instant createdAt, Instant due, CaseView.TimeStatus timeStatus,
		int escalationLevel, int reworkCount, int returnCount) {
}
