package chengguan.cases;

import java.time.Instant;

/** A case as services and pages read it. */
public record CaseView(long id, long reportId, String trackingCode, CaseState state, String handlingMode,
		Long categoryId, long communityId, String regionPath, Long assigneeUnitId, Long mergedIntoId,
		Instant acceptDueAt, Instant handleDueAt, int reworkCount, Instant createdAt, Instant closedAt, long version) {
}
