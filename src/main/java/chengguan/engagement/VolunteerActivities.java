package chengguan.engagement;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import chengguan.organization.RegionLevel;
import chengguan.organization.RegionService;
import chengguan.organization.RegionView;
import chengguan.platform.PlatformProperties;
import chengguan.platform.audit.AuditAction;
import chengguan.platform.audit.AuditLog;
import chengguan.platform.security.ScopeGuard;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.web.InvalidRequestException;
import chengguan.platform.web.NotFoundException;

import static chengguan.platform.persistence.DbTime.utc;

/**
 * Volunteer activities and who attended them. Only approved volunteers of the activity's own community can be
 * credited, and only once the activity has taken place.
 */
@Service
public class VolunteerActivities {

	static final int MAX_TITLE = 100;

	private static final BigDecimal MAX_HOURS = BigDecimal.valueOf(24);

	private static final String COLUMNS = """
			a.id, a.community_id, a.region_path, a.title, a.activity_date, a.hours_per_person, a.created_by,
			(SELECT COUNT(*) FROM volunteer_attendance t WHERE t.activity_id = a.id) AS attendees""";

	private final JdbcClient jdbc;

	private final RegionService regions;

	private final ScopeGuard scopeGuard;

	private final AuditLog auditLog;

	private final PlatformProperties platform;

	private final Clock clock;

	VolunteerActivities(JdbcClient jdbc, RegionService regions, ScopeGuard scopeGuard, AuditLog auditLog,
			PlatformProperties platform, Clock clock) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.scopeGuard = scopeGuard;
		this.auditLog = auditLog;
		this.platform = platform;
		this.clock = clock;
	}

	/** A new activity of a community in the person's scope. */
	@Transactional
	public VolunteerActivity create(long communityId, String title, LocalDate date, BigDecimal hoursPerPerson,
			StaffPrincipal who) {
		RegionView community = regions.get(communityId, who);
		VolunteerActivity activity = createUnchecked(community, title, date, hoursPerPerson, who.username());
		auditLog.record(AuditAction.VOLUNTEER_ACTIVITY_SAVED, "volunteer_activity", activity.id(),
				activity.title() + " " + activity.date() + " " + activity.hoursPerPerson() + "h");
		return activity;
	}

	/** For demo data and tests: no scope check, no audit. */
	@Transactional
	public VolunteerActivity createUnchecked(RegionView community, String title, LocalDate date,
			BigDecimal hoursPerPerson, String by) {
		if (community.level() != RegionLevel.COMMUNITY) {
			throw new InvalidRequestException("volunteer.activity.communityRequired");
		}
		String cleanTitle = Volunteers.required(title, MAX_TITLE, "volunteer.activity.titleRequired",
				"volunteer.activity.titleTooLong");
		if (date == null) {
			throw new InvalidRequestException("volunteer.activity.dateRequired");
		}
		BigDecimal hours = hours(hoursPerPerson);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO volunteer_activity (community_id, region_path, title, activity_date, hours_per_person,
				    created_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(community.id(), community.path(), cleanTitle, date, hours, by, utc(clock.instant()))
			.update(keys, "id");
		return find(keys.getKeyAs(Number.class).longValue()).orElseThrow();
	}

	/** More than 0 and at most 24 hours, in tenths of an hour at most (1.5 h, not 1.25 h). */
	static BigDecimal hours(BigDecimal hoursPerPerson) {
		if (hoursPerPerson == null || hoursPerPerson.signum() <= 0 || hoursPerPerson.compareTo(MAX_HOURS) > 0
				|| hoursPerPerson.stripTrailingZeros().scale() > 1) {
			throw new InvalidRequestException("volunteer.activity.hours");
		}
		return hoursPerPerson.setScale(1);
	}

	@Transactional(readOnly = true)
	public Optional<VolunteerActivity> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM volunteer_activity a WHERE a.id = ?")
			.param(id)
			.query(activities())
			.optional();
	}

	/** The activity, if the person's scope covers its community; otherwise 404 and an audit entry. */
	@Transactional(readOnly = true)
	public VolunteerActivity get(long id, StaffPrincipal who) {
		VolunteerActivity activity = find(id).orElseThrow(NotFoundException::new);
		scopeGuard.requireCovers(who, activity.regionPath(), "volunteer_activity", id);
		return activity;
	}

	/** The activities in the person's scope, newest first (the latest 200). */
	@Transactional(readOnly = true)
	public List<VolunteerActivity> list(StaffPrincipal who) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM volunteer_activity a WHERE a.region_path LIKE ?
				ORDER BY a.activity_date DESC, a.id DESC LIMIT 200""")
			.param(who.scope().pathPattern())
			.query(activities())
			.list();
	}

	/** Who attended, by volunteer id. */
	@Transactional(readOnly = true)
	public Set<Long> attendees(long activityId) {
		return new TreeSet<>(jdbc.sql("SELECT volunteer_id FROM volunteer_attendance WHERE activity_id = ?")
			.param(activityId)
			.query(Long.class)
			.list());
	}

	/** Replaces the attendance of an activity in the person's scope. */
	@Transactional
	public void recordAttendance(long activityId, Collection<Long> volunteerIds, StaffPrincipal who) {
		VolunteerActivity activity = get(activityId, who);
		Set<Long> attended = recordAttendanceUnchecked(activity, volunteerIds);
		auditLog.record(AuditAction.VOLUNTEER_ACTIVITY_SAVED, "volunteer_activity", activityId,
				"attendance=" + attended.size());
	}

	/** For demo data and tests: no scope check, no audit. */
	@Transactional
	public Set<Long> recordAttendanceUnchecked(VolunteerActivity activity, Collection<Long> volunteerIds) {
		if (activity.date().isAfter(LocalDate.ofInstant(clock.instant(), platform.timeZone()))) {
			throw new InvalidRequestException("volunteer.activity.notYetHeld");
		}
		Set<Long> attended = volunteerIds == null ? Set.of() : new TreeSet<>(volunteerIds);
		if (!attended.isEmpty()) {
			Set<Long> eligible = jdbc.sql("""
					SELECT id FROM volunteer WHERE id IN (:ids) AND community_id = :community AND status = 'APPROVED'""")
				.param("ids", attended)
				.param("community", activity.communityId())
				.query(Long.class)
				.set();
			if (!eligible.containsAll(attended)) {
				throw new InvalidRequestException("volunteer.activity.notEligible");
			}
		}
		jdbc.sql("DELETE FROM volunteer_attendance WHERE activity_id = ?").param(activity.id()).update();
		for (Long volunteerId : attended) {
			jdbc.sql("INSERT INTO volunteer_attendance (activity_id, volunteer_id) VALUES (?, ?)")
				.params(activity.id(), volunteerId)
				.update();
		}
		return attended;
	}

	private RowMapper<VolunteerActivity> activities() {
		Map<Long, String> names = new HashMap<>();
		return (rs, n) -> {
			long communityId = rs.getLong("community_id");
			return new VolunteerActivity(rs.getLong("id"), communityId,
					names.computeIfAbsent(communityId, id -> regions.find(id).map(RegionView::name).orElse("")),
					rs.getString("region_path"), rs.getString("title"), rs.getObject("activity_date", LocalDate.class),
					rs.getBigDecimal("hours_per_person"), rs.getInt("attendees"), rs.getString("created_by"));
		};
	}

}
