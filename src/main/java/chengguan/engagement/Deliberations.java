package chengguan.engagement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import chengguan.intake.Channel;
import chengguan.intake.IntakeService;
import chengguan.intake.ReportKind;
import chengguan.intake.ReportSubmission;
import chengguan.intake.SubmittedReport;
import chengguan.organization.RegionLevel;
import chengguan.organization.RegionService;
import chengguan.organization.RegionView;
import chengguan.platform.PlatformProperties;
import chengguan.platform.security.ScopeGuard;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.web.InvalidRequestException;
import chengguan.platform.web.NotFoundException;

import static chengguan.platform.persistence.DbTime.utc;

/**
 * Deliberation meetings 居民议事会 / 幸福圆桌会 / 民主恳谈 / 四位一体议事: the agenda, who sat at the table in what
 * capacity, the minutes, and resolutions that become tasks (owner, deadline, done or not) or cases (through intake,
 * channel 居委会/物业/业委会). Each meeting reports on the earlier meetings' resolutions of the same community: tasks
 * still open, overdue ones marked, and what was done or raised as a case since the previous meeting.
 */
@Service
public class Deliberations {

	private static final Logger log = LoggerFactory.getLogger(Deliberations.class);

	private static final int MAX_ATTENDEES = 60;

	private static final String RESOLUTION_COLUMNS = """
			r.id, r.meeting_id, m.meeting_date, m.title, r.content, r.follow_up, r.task_owner, r.task_deadline,
			r.task_status, r.done_on, r.done_note, r.report_id, r.report_tracking_code, r.version""";

	private final JdbcClient jdbc;

	private final RegionService regions;

	private final IntakeService intake;

	private final ScopeGuard scopeGuard;

	private final PlatformProperties platform;

	private final Clock clock;

	Deliberations(JdbcClient jdbc, RegionService regions, IntakeService intake, ScopeGuard scopeGuard,
			PlatformProperties platform, Clock clock) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.intake = intake;
		this.scopeGuard = scopeGuard;
		this.platform = platform;
		this.clock = clock;
	}

	/** Records a meeting of a community in the person's scope. */
	@Transactional
	public long record(DeliberationMeetingEntry entry, StaffPrincipal who) {
		RegionView community = regions.findByCode(entry.communityCode() == null ? "" : entry.communityCode().strip())
			.filter(region -> region.level() == RegionLevel.COMMUNITY)
			.orElseThrow(() -> new InvalidRequestException("deliberation.community.required"));
		scopeGuard.requireCovers(who, community.path(), "region", community.id());
		if (entry.kind() == null) {
			throw new InvalidRequestException("deliberation.kind.required");
		}
		String title = NeedSubmissionRules.text(entry.title(), 2, 100, "deliberation.title.length");
		if (entry.date() == null) {
			throw new InvalidRequestException("deliberation.date.required");
		}
		String place = NeedSubmissionRules.optional(entry.place(), 200, "deliberation.place.tooLong");
		String agenda = NeedSubmissionRules.text(entry.agenda(), 2, 2000, "deliberation.agenda.length");
		String minutes = NeedSubmissionRules.optional(entry.minutes(), 8000, "deliberation.minutes.tooLong");
		List<DeliberationMeetingEntry.Attendee> attendees = entry.attendees()
			.stream()
			.filter(a -> NeedSubmissionRules.clean(a.name()) != null)
			.toList();
		if (attendees.size() > MAX_ATTENDEES) {
			throw new InvalidRequestException("deliberation.attendees.tooMany", MAX_ATTENDEES);
		}
		for (DeliberationMeetingEntry.Attendee attendee : attendees) {
			if (attendee.role() == null) {
				throw new InvalidRequestException("deliberation.attendee.role");
			}
			NeedSubmissionRules.text(attendee.name(), 1, 64, "deliberation.attendee.name");
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO deliberation_meeting (community_id, region_path, kind, title, meeting_date, place, agenda,
				    minutes, created_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(community.id(), community.path(), entry.kind().name(), title, entry.date(), place, agenda, minutes,
					who.username(), utc(clock.instant()))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		int position = 0;
		for (DeliberationMeetingEntry.Attendee attendee : attendees) {
			jdbc.sql("INSERT INTO deliberation_attendee (meeting_id, position, role, name) VALUES (?, ?, ?, ?)")
				.params(id, position++, attendee.role().name(), NeedSubmissionRules.clean(attendee.name()))
				.update();
		}
		return id;
	}

	/** Replaces the minutes 会议纪要, often written up after the meeting. */
	@Transactional
	public void updateMinutes(long meetingId, long seenVersion, String minutes, StaffPrincipal who) {
		requireInScope(meetingId, who);
		String text = NeedSubmissionRules.optional(minutes, 8000, "deliberation.minutes.tooLong");
		int changed = jdbc.sql("UPDATE deliberation_meeting SET minutes = ?, version = version + 1 WHERE id = ? AND version = ?")
			.params(text, meetingId, seenVersion)
			.update();
		if (changed != 1) {
			throw new OptimisticLockingFailureException("meeting " + meetingId + " changed since it was read");
		}
	}

	/** A resolution carried out as a task: an owner (a person or a body, as written) and a deadline. */
	@Transactional
	public long addTask(long meetingId, String content, String owner, LocalDate deadline, StaffPrincipal who) {
		Header meeting = requireInScope(meetingId, who);
		String text = NeedSubmissionRules.text(content, 2, 1000, "deliberation.resolution.length");
		String cleanOwner = NeedSubmissionRules.text(owner, 1, 64, "deliberation.task.owner");
		if (deadline == null || deadline.isBefore(meeting.date())) {
			throw new InvalidRequestException("deliberation.task.deadline");
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO deliberation_resolution (meeting_id, community_id, content, follow_up, task_owner, task_deadline,
				    task_status, created_by, created_at)
				VALUES (?, ?, ?, 'TASK', ?, ?, 'OPEN', ?, ?)""")
			.params(meetingId, meeting.communityId(), text, cleanOwner, deadline, who.username(), utc(clock.instant()))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/** A resolution carried out as a case: a report through intake for the meeting's community (居委会/物业/业委会). */
	@Transactional
	public long addCase(long meetingId, String content, String categoryCode, ReportKind kind, StaffPrincipal who) {
		Header meeting = requireInScope(meetingId, who);
		String text = NeedSubmissionRules.text(content, Needs.MIN_CONTENT, 1000, "deliberation.resolution.caseLength");
		if (kind == null) {
			throw new InvalidRequestException("need.promote.kind");
		}
		String communityCode = regions.find(meeting.communityId()).map(RegionView::code).orElseThrow();
		SubmittedReport report = intake.submitFromStaff(new ReportSubmission(Channel.COMMUNITY_BODY, communityCode,
				categoryCode, kind, text, null, null, null, null, null, null, List.of(), null, null, null, null), who);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO deliberation_resolution (meeting_id, community_id, content, follow_up, report_id,
				    report_tracking_code, created_by, created_at)
				VALUES (?, ?, ?, 'CASE', ?, ?, ?, ?)""")
			.params(meetingId, meeting.communityId(), text, report.id(), report.trackingCode(), who.username(),
					utc(clock.instant()))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		log.info("Resolution {} of meeting {} became report {} ({})", id, meetingId, report.id(), report.trackingCode());
		return id;
	}

	/** Marks a task done today, with a note on what was done. */
	@Transactional
	public void completeTask(long resolutionId, long seenVersion, String note, StaffPrincipal who) {
		Long meetingId = jdbc.sql("SELECT meeting_id FROM deliberation_resolution WHERE id = ? AND follow_up = 'TASK'")
			.param(resolutionId)
			.query(Long.class)
			.optional()
			.orElseThrow(NotFoundException::new);
		requireInScope(meetingId, who);
		String text = NeedSubmissionRules.optional(note, 1000, "deliberation.task.noteTooLong");
		int changed = jdbc.sql("""
				UPDATE deliberation_resolution SET task_status = 'DONE', done_on = ?, done_note = ?, version = version + 1
				WHERE id = ? AND version = ? AND task_status = 'OPEN'""")
			.params(today(), text, resolutionId, seenVersion)
			.update();
		if (changed != 1) {
			throw new OptimisticLockingFailureException("resolution " + resolutionId + " changed since it was read");
		}
	}

	/** The meeting page: attendees, resolutions, and the follow-up of earlier meetings' resolutions. */
	@Transactional(readOnly = true)
	public DeliberationMeeting get(long id, StaffPrincipal who) {
		Header header = requireInScope(id, who);
		LocalDate today = today();
		List<DeliberationMeetingEntry.Attendee> attendees = jdbc.sql("""
				SELECT role, name FROM deliberation_attendee WHERE meeting_id = ? ORDER BY position""")
			.param(id)
			.query((rs, n) -> new DeliberationMeetingEntry.Attendee(DeliberationRole.valueOf(rs.getString(1)),
					rs.getString(2)))
			.list();
		List<DeliberationResolution> resolutions = jdbc.sql("SELECT " + RESOLUTION_COLUMNS + """
				 FROM deliberation_resolution r JOIN deliberation_meeting m ON m.id = r.meeting_id
				WHERE r.meeting_id = ? ORDER BY r.id""")
			.param(id)
			.query((rs, n) -> resolution(rs, today))
			.list();
		LocalDate previous = jdbc.sql("""
				SELECT MAX(meeting_date) FROM deliberation_meeting
				WHERE community_id = ? AND (meeting_date < ? OR (meeting_date = ? AND id < ?))""")
			.params(header.communityId(), header.date(), header.date(), id)
			.query((rs, n) -> java.util.Optional.ofNullable(rs.getObject(1, LocalDate.class)))
			.single()
			.orElse(null);
		List<DeliberationResolution> followUps = previous == null ? List.of() : jdbc.sql("SELECT " + RESOLUTION_COLUMNS + """
				 FROM deliberation_resolution r JOIN deliberation_meeting m ON m.id = r.meeting_id
				WHERE m.community_id = ? AND (m.meeting_date < ? OR (m.meeting_date = ? AND m.id < ?))
				  AND ((r.follow_up = 'TASK' AND (r.task_status = 'OPEN' OR r.done_on >= ?))
				       OR (r.follow_up = 'CASE' AND m.meeting_date >= ?))
				ORDER BY m.meeting_date, r.id""")
			.params(header.communityId(), header.date(), header.date(), id, previous, previous)
			.query((rs, n) -> resolution(rs, today))
			.list();
		return jdbc.sql("""
				SELECT id, community_id, kind, title, meeting_date, place, agenda, minutes, created_by, version
				FROM deliberation_meeting WHERE id = ?""")
			.param(id)
			.query((rs, n) -> new DeliberationMeeting(rs.getLong(1), rs.getLong(2),
					regions.find(rs.getLong(2)).map(RegionView::name).orElse(""),
					DeliberationKind.valueOf(rs.getString(3)), rs.getString(4), rs.getObject(5, LocalDate.class),
					rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getLong(10), attendees,
					resolutions, followUps))
			.single();
	}

	/** Meetings in the person's scope, latest first, with their open and overdue tasks counted. */
	@Transactional(readOnly = true)
	public List<DeliberationMeetingRow> list(StaffPrincipal who) {
		return list(who, 0);
	}

	public static final int PAGE_SIZE = 50;

	/** One page of {@link #list(StaffPrincipal)}: at most {@link #PAGE_SIZE} and one more (there is a next page). */
	@Transactional(readOnly = true)
	public List<DeliberationMeetingRow> list(StaffPrincipal who, int page) {
		Map<Long, String> names = new HashMap<>();
		regions.communities(who.scope()).forEach(c -> names.put(c.id(), c.name()));
		return jdbc.sql("""
				SELECT m.id, m.community_id, m.kind, m.title, m.meeting_date,
				    (SELECT COUNT(*) FROM deliberation_resolution r WHERE r.meeting_id = m.id),
				    (SELECT COUNT(*) FROM deliberation_resolution r WHERE r.meeting_id = m.id AND r.task_status = 'OPEN'),
				    (SELECT COUNT(*) FROM deliberation_resolution r WHERE r.meeting_id = m.id AND r.task_status = 'OPEN'
				        AND r.task_deadline < ?)
				FROM deliberation_meeting m WHERE m.region_path LIKE ?
				ORDER BY m.meeting_date DESC, m.id DESC LIMIT\s""" + (PAGE_SIZE + 1) + " OFFSET "
				+ (long) Math.max(page, 0) * PAGE_SIZE)
			.params(today(), who.scope().pathPattern())
			.query((rs, n) -> new DeliberationMeetingRow(rs.getLong(1), names.getOrDefault(rs.getLong(2), ""),
					DeliberationKind.valueOf(rs.getString(3)), rs.getString(4), rs.getObject(5, LocalDate.class),
					rs.getInt(6), rs.getInt(7), rs.getInt(8)))
			.list();
	}

	private record Header(long id, long communityId, LocalDate date) {
	}

	private Header requireInScope(long meetingId, StaffPrincipal who) {
		record Found(Header header, String path) {
		}
		Found found = jdbc.sql("SELECT id, community_id, meeting_date, region_path FROM deliberation_meeting WHERE id = ?")
			.param(meetingId)
			.query((rs, n) -> new Found(new Header(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class)),
					rs.getString(4)))
			.optional()
			.orElseThrow(NotFoundException::new);
		scopeGuard.requireCovers(who, found.path(), "deliberation_meeting", meetingId);
		return found.header();
	}

	private static DeliberationResolution resolution(ResultSet rs, LocalDate today) throws SQLException {
		DeliberationFollowUp followUp = DeliberationFollowUp.valueOf(rs.getString("follow_up"));
		LocalDate deadline = rs.getObject("task_deadline", LocalDate.class);
		boolean open = "OPEN".equals(rs.getString("task_status"));
		return new DeliberationResolution(rs.getLong("id"), rs.getLong("meeting_id"),
				rs.getObject("meeting_date", LocalDate.class), rs.getString("title"), rs.getString("content"), followUp,
				rs.getString("task_owner"), deadline, open, rs.getObject("done_on", LocalDate.class),
				rs.getString("done_note"), rs.getObject("report_id") == null ? null : rs.getLong("report_id"),
				rs.getString("report_tracking_code"), rs.getLong("version"),
				open && deadline != null && today.isAfter(deadline));
	}

	/** Today in the platform's time zone, by the injected clock. */
	public LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), platform.timeZone());
	}

}
