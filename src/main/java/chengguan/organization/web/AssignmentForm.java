package chengguan.organization.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import chengguan.organization.AssignmentDetails;
import chengguan.organization.AssignmentView;
import chengguan.organization.TeamRole;
import chengguan.platform.web.InvalidRequestException;

/** The team is chosen in three lists, one per role; a person chosen twice is refused. */
record AssignmentForm(@Size(max = 32) String contactName,
		@Size(max = 32) @Pattern(regexp = "[0-9+\\- ]*", message = "{phone.pattern}") String contactPhone,
		Long responsibleStaffId, @Min(0) @Max(31) Integer visitDaysPerMonth,
		@Size(max = 100) @Pattern(regexp = "[0-9,，、 ]*", message = "{assignment.visitDays.pattern}") String visitDaysOfMonth,
		@Size(max = 1000) String duties, List<Long> liaisonIds, List<Long> enforcementIds, List<Long> supportIds,
		Long version) {

	static AssignmentForm of(AssignmentView view) {
		return new AssignmentForm(view.contactName(), view.contactPhone(), view.responsibleStaffId(),
				view.visitDaysPerMonth(),
				view.visitDaysOfMonth().stream().map(String::valueOf).collect(Collectors.joining(",")),
				view.duties(), idsWith(view, TeamRole.LIAISON), idsWith(view, TeamRole.ENFORCEMENT),
				idsWith(view, TeamRole.SUPPORT), view.version());
	}

	AssignmentDetails details() {
		Map<Long, TeamRole> team = new LinkedHashMap<>();
		put(team, liaisonIds, TeamRole.LIAISON);
		put(team, enforcementIds, TeamRole.ENFORCEMENT);
		put(team, supportIds, TeamRole.SUPPORT);
		return new AssignmentDetails(UnitForm.blankToNull(contactName), UnitForm.blankToNull(contactPhone),
				responsibleStaffId, visitDaysPerMonth, days(), UnitForm.blankToNull(duties), team);
	}

	private SortedSet<Integer> days() {
		SortedSet<Integer> days = new TreeSet<>();
		if (visitDaysOfMonth == null) {
			return days;
		}
		for (String part : visitDaysOfMonth.split("[,，、 ]+")) {
			if (!part.isBlank()) {
				try {
					days.add(Integer.valueOf(part.strip()));
				}
				catch (NumberFormatException ex) {
					throw new InvalidRequestException("assignment.visitDayOutOfRange");
				}
			}
		}
		return days;
	}

	private static void put(Map<Long, TeamRole> team, List<Long> ids, TeamRole role) {
		if (ids == null) {
			return;
		}
		for (Long id : ids) {
			if (id != null && team.putIfAbsent(id, role) != null) {
				throw new InvalidRequestException("assignment.memberChosenTwice");
			}
		}
	}

	private static List<Long> idsWith(AssignmentView view, TeamRole role) {
		return view.team().stream().filter(member -> member.role() == role).map(m -> m.staffId()).toList();
	}

}
