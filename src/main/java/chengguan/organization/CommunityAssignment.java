package chengguan.organization;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import chengguan.platform.web.InvalidRequestException;

/** Who answers for one community (附件3) and the team's fixed schedule (三固定). */
@Table("community_assignment")
public class CommunityAssignment {

	@Id
	private Long communityId;

	private String contactName;

	private String contactPhone;

	private Long responsibleStaffId;

	private Integer visitDaysPerMonth;

	private String visitDaysOfMonth;

	private String duties;

	@MappedCollection(idColumn = "community_id")
	private Set<TeamMember> team = new HashSet<>();

	/** Null until first saved: Spring Data JDBC then knows to insert, although the id is given. */
	@Version
	private Long version;

	CommunityAssignment() {
	}

	static CommunityAssignment forCommunity(long communityId) {
		CommunityAssignment assignment = new CommunityAssignment();
		assignment.communityId = communityId;
		return assignment;
	}

	void apply(AssignmentDetails details) {
		if (details.visitDaysOfMonth().stream().anyMatch(day -> day < 1 || day > 31)) {
			throw new InvalidRequestException("assignment.visitDayOutOfRange");
		}
		if (details.visitDaysPerMonth() != null
				&& (details.visitDaysPerMonth() < 0 || details.visitDaysPerMonth() > 31)) {
			throw new InvalidRequestException("assignment.visitDaysPerMonthOutOfRange");
		}
		if (details.responsibleStaffId() != null && details.team().containsKey(details.responsibleStaffId())) {
			throw new InvalidRequestException("assignment.responsibleAlsoInTeam");
		}
		this.contactName = details.contactName();
		this.contactPhone = details.contactPhone();
		this.responsibleStaffId = details.responsibleStaffId();
		this.visitDaysPerMonth = details.visitDaysPerMonth();
		this.visitDaysOfMonth = details.visitDaysOfMonth().isEmpty() ? null
				: details.visitDaysOfMonth().stream().map(String::valueOf).collect(Collectors.joining(","));
		this.duties = details.duties();
		this.team = details.team()
			.entrySet()
			.stream()
			.map(entry -> new TeamMember(entry.getKey(), entry.getValue()))
			.collect(Collectors.toCollection(HashSet::new));
	}

	SortedSet<Integer> visitDaysOfMonth() {
		if (visitDaysOfMonth == null || visitDaysOfMonth.isBlank()) {
			return new TreeSet<>();
		}
		return Arrays.stream(visitDaysOfMonth.split(","))
			.map(String::strip)
			.map(Integer::valueOf)
			.collect(Collectors.toCollection(TreeSet::new));
	}

	Long communityId() {
		return communityId;
	}

	String contactName() {
		return contactName;
	}

	String contactPhone() {
		return contactPhone;
	}

	Long responsibleStaffId() {
		return responsibleStaffId;
	}

	Integer visitDaysPerMonth() {
		return visitDaysPerMonth;
	}

	String duties() {
		return duties;
	}

	Set<TeamMember> team() {
		return Set.copyOf(team);
	}

	Long version() {
		return version;
	}

}
