package chengguan.organization;

import java.util.List;
import java.util.SortedSet;

public record AssignmentView(RegionView community, String contactName, String contactPhone,
		Long responsibleStaffId, Integer visitDaysPerMonth, SortedSet<Integer> visitDaysOfMonth, String duties,
		List<TeamMemberView> team, Long version) {

	public record TeamMemberView(long staffId, String name, String positionTitle, String phone, TeamRole role) {
	}

}
