package chengguan.organization;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import chengguan.platform.audit.AuditAction;
import chengguan.platform.audit.AuditLog;
import chengguan.platform.security.DataScope;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.web.InvalidRequestException;
import chengguan.platform.web.NotFoundException;

/** Who answers for each community: 附件3 and the 1+N+X team with its fixed schedule. */
@Service
public class AssignmentService {

	private final JdbcClient jdbc;

	private final CommunityAssignmentRepository assignments;

	private final StaffRepository staff;

	private final RegionService regions;

	private final RosterService roster;

	private final AuditLog auditLog;

	AssignmentService(JdbcClient jdbc, CommunityAssignmentRepository assignments, StaffRepository staff,
			RegionService regions, RosterService roster, AuditLog auditLog) {
		this.jdbc = jdbc;
		this.assignments = assignments;
		this.staff = staff;
		this.regions = regions;
		this.roster = roster;
		this.auditLog = auditLog;
	}

	/** Every community inside the scope, grouped by street in tree order, assigned or not. */
	@Transactional(readOnly = true)
	public List<AssignmentRow> rows(DataScope scope) {
		return jdbc.sql("""
				SELECT c.id AS community_id, c.name AS community_name, st.id AS street_id, st.name AS street_name,
				       a.contact_name, a.contact_phone, a.responsible_staff_id, s.name AS responsible_name,
				       s.position_title AS responsible_position, s.phone AS responsible_phone, a.visit_days_per_month,
				       (SELECT COUNT(*) FROM community_team_member m WHERE m.community_id = c.id) AS team_size
				FROM region c
				JOIN region st ON st.id = c.parent_id
				LEFT JOIN community_assignment a ON a.community_id = c.id
				LEFT JOIN staff s ON s.id = a.responsible_staff_id
				WHERE c.region_level = 'COMMUNITY' AND c.path LIKE ?
				ORDER BY st.sort_order, st.id, c.sort_order, c.id""")
			.param(scope.pathPattern())
			.query((rs, row) -> new AssignmentRow(rs.getLong("community_id"), rs.getString("community_name"),
					rs.getLong("street_id"), rs.getString("street_name"), rs.getString("contact_name"),
					rs.getString("contact_phone"), (Long) rs.getObject("responsible_staff_id", Long.class),
					rs.getString("responsible_name"), rs.getString("responsible_position"),
					rs.getString("responsible_phone"), (Integer) rs.getObject("visit_days_per_month", Integer.class),
					rs.getInt("team_size")))
			.list();
	}

	/**
	 * Who owes visits to the communities inside the scope: each community's responsible officer and its liaisons,
	 * in tree order.
	 */
	@Transactional(readOnly = true)
	public List<VisitDuty> visitDuties(DataScope scope) {
		return jdbc.sql("""
				SELECT c.id, c.name, c.path, st.name, s.id, s.name, s.phone, s.unit_id, d.responsible
				FROM (SELECT community_id, responsible_staff_id AS staff_id, TRUE AS responsible
				      FROM community_assignment WHERE responsible_staff_id IS NOT NULL
				      UNION
				      SELECT community_id, staff_id, FALSE FROM community_team_member WHERE team_role = 'LIAISON') d
				JOIN region c ON c.id = d.community_id
				JOIN region st ON st.id = c.parent_id
				JOIN staff s ON s.id = d.staff_id AND s.active
				WHERE c.path LIKE ?
				ORDER BY st.sort_order, st.id, c.sort_order, c.id, d.responsible DESC, s.name""")
			.param(scope.pathPattern())
			.query((rs, row) -> new VisitDuty(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getLong(5), rs.getString(6), rs.getString(7), rs.getLong(8), rs.getBoolean(9)))
			.list();
	}

	@Transactional(readOnly = true)
	public AssignmentView view(long communityId, StaffPrincipal who) {
		RegionView community = requireCommunity(communityId, who);
		return assignments.findById(communityId)
			.map(found -> view(community, found))
			.orElseGet(() -> new AssignmentView(community, null, null, null, null, new TreeSet<>(), null, List.of(),
					null));
	}

	@Transactional
	public void update(long communityId, Long seenVersion, AssignmentDetails details, StaffPrincipal who) {
		RegionView community = requireCommunity(communityId, who);
		CommunityAssignment assignment = assignments.findById(communityId)
			.orElseGet(() -> CommunityAssignment.forCommunity(communityId));
		if (!Objects.equals(assignment.version(), seenVersion)) {
			throw new OptimisticLockingFailureException("assignment " + communityId + " changed since it was read");
		}
		requireCandidates(community, details, who);
		assignment.apply(details);
		assignments.save(assignment);
		auditLog.record(AuditAction.ASSIGNMENT_UPDATED, "community", communityId,
				"responsible=" + details.responsibleStaffId() + " team=" + details.team().keySet() + " contact="
						+ details.contactName());
	}

	/** For set-up and demo data, which run before anyone signs in. */
	@Transactional
	public void assignUnchecked(long communityId, AssignmentDetails details) {
		CommunityAssignment assignment = assignments.findById(communityId)
			.orElseGet(() -> CommunityAssignment.forCommunity(communityId));
		assignment.apply(details);
		assignments.save(assignment);
	}

	private void requireCandidates(RegionView community, AssignmentDetails details, StaffPrincipal who) {
		var allowed = roster.candidatesFor(community.path(), who.scope())
			.stream()
			.map(StaffRow::id)
			.collect(Collectors.toSet());
		boolean responsibleAllowed = details.responsibleStaffId() == null
				|| allowed.contains(details.responsibleStaffId());
		if (!responsibleAllowed || !allowed.containsAll(details.team().keySet())) {
			throw new InvalidRequestException("assignment.staffNotAvailable");
		}
	}

	private RegionView requireCommunity(long communityId, StaffPrincipal who) {
		RegionView community = regions.get(communityId, who);
		if (community.level() != RegionLevel.COMMUNITY) {
			throw new NotFoundException();
		}
		return community;
	}

	private AssignmentView view(RegionView community, CommunityAssignment assignment) {
		Map<Long, Staff> members = staff
			.findAllById(assignment.team().stream().map(TeamMember::staffId).toList())
			.stream()
			.collect(Collectors.toMap(Staff::id, Function.identity()));
		List<AssignmentView.TeamMemberView> team = assignment.team()
			.stream()
			.filter(member -> members.containsKey(member.staffId()))
			.map(member -> {
				Staff person = members.get(member.staffId());
				return new AssignmentView.TeamMemberView(member.staffId(), person.name(), person.positionTitle(),
						person.phone(), member.role());
			})
			.sorted(Comparator.comparing(AssignmentView.TeamMemberView::role)
				.thenComparingLong(AssignmentView.TeamMemberView::staffId))
			.toList();
		return new AssignmentView(community, assignment.contactName(), assignment.contactPhone(),
				assignment.responsibleStaffId(), assignment.visitDaysPerMonth(), assignment.visitDaysOfMonth(),
				assignment.duties(), team, assignment.version());
	}

}
