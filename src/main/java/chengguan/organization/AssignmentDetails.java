package chengguan.organization;

import java.util.Map;
import java.util.SortedSet;

/**
 * @param visitDaysOfMonth the fixed days of the month (1–31) on which the team comes, 三固定
 * @param team             staff id → role, the N and X of 1+N+X
 */
public record AssignmentDetails(String contactName, String contactPhone, Long responsibleStaffId,
		Integer visitDaysPerMonth, SortedSet<Integer> visitDaysOfMonth, String duties, Map<Long, TeamRole> team) {
}
