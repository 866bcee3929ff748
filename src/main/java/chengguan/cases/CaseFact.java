package chengguan.cases;

import java.time.Instant;

/**
 * What the assessment needs to know of one case, read from the case and its history: where and how it came in,
 * where it stands, and when the steps that KPIs measure first (or last) happened.
 *
 * @param acceptedAt the first 受理 (or 现场解决, which accepts and settles at once)
 * @param acceptOverdueMarked the deadline scan found it still waiting to be accepted after its accept limit
 * @param handlingStartedAt the first 派遣, or the 立案 when it was never dispatched
 * @param feedbackAt the first 处置反馈
 * @param lastClosedAt the last time it reached 已结案 (a rework reopens it, the next closure counts)
 * @param handleOverdueMarked the deadline scan found it past a handling limit at some point
 * @param rated a resident rated it (回访评价, by themselves or on a staff 电话回访); {@code satisfied} then says
 *        whether the last rating was 满意 or 基本满意
 * @param extended an approved 延期 moved its handling deadline: it is not closed on time
 * @param archivedByStaff 销号 by staff rather than after a resident's rating
 * @param excluded approved as 无理诉求 or 重复诉求: out of the satisfaction rate, counted apart
 * @param lateWhistles whistled units that did not report in within the limit (超时报到), late report-ins included
 */
public record CaseFact(long caseId, long reportId, String channel, CaseState state, Long categoryId, long communityId,
		String regionPath, Long assigneeUnitId, Long assigneeStaffId, Instant receivedAt, Instant acceptDueAt,
		Instant acceptedAt, boolean acceptOverdueMarked, Instant handlingStartedAt, Instant feedbackAt,
		Instant lastClosedAt, Instant handleDueAt, boolean handleOverdueMarked, int reworkCount, boolean rated,
		boolean satisfied, boolean extended, boolean archivedByStaff, boolean excluded, int lateWhistles) {
}
