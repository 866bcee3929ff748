package chengguan.fieldwork;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import chengguan.intake.Channel;
import chengguan.intake.IntakeService;
import chengguan.intake.ReportKind;
import chengguan.intake.ReportSubmission;
import chengguan.organization.RegionService;
import chengguan.organization.RegionView;
import chengguan.organization.RosterService;
import chengguan.organization.StaffView;
import chengguan.platform.PlatformProperties;
import chengguan.platform.geo.GreatCircle;
import chengguan.platform.security.ScopeGuard;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.storage.FileStorage;
import chengguan.platform.storage.ImageNormalizer;
import chengguan.platform.storage.StoredFile;
import chengguan.platform.web.InvalidRequestException;
import chengguan.platform.web.NotFoundException;

import static chengguan.platform.persistence.DbTime.utc;

/**
 * Duty logs of community visits: recorded with a location check-in (far from the community is flagged, never
 * refused), a finding can become a case (channel 巡查发现) in the same step, a patrol can count for a running
 * 专项整治 that covers the community, and they feed the 附件2 ledger and the visit-rule compliance check.
 */
@Service
public class DutyLogs {

	/** @param checkinFarMeters a check-in farther than this from the community's position is flagged */
	@ConfigurationProperties("chengguan.fieldwork")
	public record Settings(int checkinFarMeters) {

		public Settings {
			checkinFarMeters = checkinFarMeters > 0 ? checkinFarMeters : 1000;
		}

	}

	private final JdbcClient jdbc;

	private final RegionService regions;

	private final RosterService roster;

	private final IntakeService intake;

	private final ScopeGuard scopeGuard;

	private final MessageSource messages;

	private final PlatformProperties platform;

	private final Settings settings;

	private final Clock clock;


	private final Campaigns campaigns;

	private final ImageNormalizer images;

	private final FileStorage files;

	DutyLogs(JdbcClient jdbc, RegionService regions, RosterService roster, IntakeService intake, ScopeGuard scopeGuard,
			MessageSource messages, PlatformProperties platform, Settings settings, Clock clock,
			Campaigns campaigns, ImageNormalizer images, FileStorage files) {
		this.images = images;
		this.files = files;
		this.campaigns = campaigns;
		this.jdbc = jdbc;
		this.regions = regions;
		this.roster = roster;
		this.intake = intake;
		this.scopeGuard = scopeGuard;
		this.messages = messages;
		this.platform = platform;
		this.settings = settings;
		this.clock = clock;
	}

	/** A recorded visit: its id, whether the check-in was far from the community, and the finding's report, if any. */
	public record Recorded(long id, Integer checkinDistanceMeters, boolean farFromCommunity, Long findingReportId) {
	}

	/** The most photos one visit keeps, as on a report or a case step. */
	static final int MAX_PHOTOS = 6;

	@Transactional
	public Recorded record(DutyLogEntry entry, StaffPrincipal who) {
		return record(entry, List.of(), who);
	}

	/** Records a visit with its photos (JPEG or PNG as uploaded; turned upright, re-encoded, EXIF dropped). */
	@Transactional
	public Recorded record(DutyLogEntry entry, List<byte[]> photos, StaffPrincipal who) {
		RegionView community = regions.findByCode(entry.communityCode() == null ? "" : entry.communityCode())
			.orElseThrow(() -> new InvalidRequestException("dutylog.community.required"));
		scopeGuard.requireCovers(who, community.path(), "region", community.id());
		check(entry);
		if (entry.campaignId() != null) {
			campaigns.requireLinkable(entry.campaignId(), entry.date(), community);
		}
		Integer distance = null;
		boolean far = false;
		if (entry.latitude() != null && entry.longitude() != null && community.latitude() != null
				&& community.longitude() != null) {
			distance = (int) Math.round(GreatCircle.meters(entry.latitude().doubleValue(),
					entry.longitude().doubleValue(), community.latitude().doubleValue(),
					community.longitude().doubleValue()));
			far = distance > settings.checkinFarMeters();
		}
		if (photos.size() > MAX_PHOTOS) {
			throw new InvalidRequestException("report.photos.tooMany", MAX_PHOTOS);
		}
		List<String> photoIds = photos.stream()
			.map(images::normalize)
			.map(jpeg -> files.store(jpeg, ImageNormalizer.OUTPUT_TYPE))
			.toList();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO duty_log (community_id, region_path, unit_id, log_date, start_time, end_time, work_items,
				    what_was_done, findings, checkin_latitude, checkin_longitude, checkin_accuracy_m, checkin_distance_m,
				    far_from_community, campaign_id, photo_ids, created_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(community.id(), community.path(), who.unitId(), entry.date(), entry.start(), entry.end(),
					entry.items().stream().sorted().map(Enum::name).collect(Collectors.joining(",")),
					entry.whatWasDone().strip(), blankToNull(entry.findings()), entry.latitude(), entry.longitude(),
					entry.accuracyMeters(), distance, far, entry.campaignId(),
					photoIds.isEmpty() ? null : String.join(",", photoIds), who.username(), utc(clock.instant()))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		int position = 0;
		for (DutyLogEntry.Participant participant : entry.participants()) {
			String name = participant.name();
			String phone = participant.phone();
			if (participant.staffId() != null) {
				StaffView staff = roster.findStaff(participant.staffId())
					.orElseThrow(() -> new InvalidRequestException("dutylog.participant.unknown"));
				name = staff.name();
				phone = staff.phone();
			}
			jdbc.sql("INSERT INTO duty_log_participant (log_id, position, role, staff_id, name, phone) VALUES (?, ?, ?, ?, ?, ?)")
				.params(id, position++, participant.role().name(), participant.staffId(), name, phone)
				.update();
		}
		Long reportId = null;
		if (entry.findingCategoryCode() != null && !entry.findingCategoryCode().isBlank()) {
			if (blankToNull(entry.findings()) == null) {
				throw new InvalidRequestException("dutylog.finding.required");
			}
			reportId = intake.submitFromStaff(new ReportSubmission(Channel.PATROL, community.code(),
					entry.findingCategoryCode(), ReportKind.COMPLAINT, entry.findings(), entry.latitude(),
					entry.longitude(), entry.accuracyMeters(), null, null, null, List.of(), null, null, null, null), who)
				.id();
			jdbc.sql("UPDATE duty_log SET finding_report_id = ? WHERE id = ?").params(reportId, id).update();
		}
		return new Recorded(id, distance, far, reportId);
	}

	/** A photo of a visit, for someone whose scope covers the community visited. */
	@Transactional(readOnly = true)
	public StoredFile photo(long logId, String fileId, StaffPrincipal who) {
		record Found(String regionPath, String photoIds) {
		}
		Found log = jdbc.sql("SELECT region_path, photo_ids FROM duty_log WHERE id = ?")
			.param(logId)
			.query((rs, n) -> new Found(rs.getString(1), rs.getString(2)))
			.optional()
			.orElseThrow(NotFoundException::new);
		scopeGuard.requireCovers(who, log.regionPath(), "duty_log", logId);
		if (log.photoIds() == null || !List.of(log.photoIds().split(",")).contains(fileId)) {
			throw new NotFoundException();
		}
		return files.load(fileId).orElseThrow(NotFoundException::new);
	}

	private void check(DutyLogEntry entry) {
		if (entry.date() == null || entry.start() == null || entry.end() == null) {
			throw new InvalidRequestException("dutylog.time.required");
		}
		if (!entry.end().isAfter(entry.start())) {
			throw new InvalidRequestException("dutylog.time.endBeforeStart");
		}
		if (entry.date().isAfter(LocalDate.ofInstant(clock.instant(), platform.timeZone()))) {
			throw new InvalidRequestException("dutylog.time.future");
		}
		if (entry.items().isEmpty()) {
			throw new InvalidRequestException("dutylog.items.required");
		}
		String done = blankToNull(entry.whatWasDone());
		if (done == null || done.length() < 5 || done.length() > 2000) {
			throw new InvalidRequestException("dutylog.done.length");
		}
		if (entry.findings() != null && entry.findings().length() > 2000) {
			throw new InvalidRequestException("dutylog.findings.tooLong");
		}
		if (entry.participants().stream().noneMatch(p -> p.role() == DutyLogEntry.Participant.Role.STAFF)) {
			throw new InvalidRequestException("dutylog.participant.staffRequired");
		}
		for (DutyLogEntry.Participant participant : entry.participants()) {
			if (participant.staffId() == null && (blankToNull(participant.name()) == null
					|| participant.name().strip().length() > 32
					|| (participant.phone() != null && participant.phone().length() > 32))) {
				throw new InvalidRequestException("dutylog.participant.invalid");
			}
		}
	}

	/** The month's visits of a unit for the 附件2 ledger, in time order. */
	@Transactional(readOnly = true)
	public Iterator<LedgerWorkbook.Entry> ledgerEntries(long unitId, YearMonth month) {
		record Log(long id, LocalDate date, java.time.LocalTime start, java.time.LocalTime end, String communityName,
				String items, String done) {
		}
		List<Log> logs = jdbc.sql("""
				SELECT l.id, l.log_date, l.start_time, l.end_time, c.name, l.work_items, l.what_was_done
				FROM duty_log l JOIN region c ON c.id = l.community_id
				WHERE l.unit_id = ? AND l.log_date BETWEEN ? AND ? ORDER BY l.log_date, l.start_time, l.id""")
			.params(unitId, month.atDay(1), month.atEndOfMonth())
			.query((rs, n) -> new Log(rs.getLong(1), rs.getObject(2, LocalDate.class),
					rs.getObject(3, java.time.LocalTime.class), rs.getObject(4, java.time.LocalTime.class),
					rs.getString(5), rs.getString(6), rs.getString(7)))
			.list();
		// everyone on the month's visits in one query, not one per visit
		Map<Long, List<String[]>> peopleByLog = new java.util.HashMap<>();
		jdbc.sql("""
				SELECT p.log_id, p.role, p.name, p.phone FROM duty_log_participant p JOIN duty_log l ON l.id = p.log_id
				WHERE l.unit_id = ? AND l.log_date BETWEEN ? AND ? ORDER BY p.log_id, p.position""")
			.params(unitId, month.atDay(1), month.atEndOfMonth())
			.query(rs -> {
				peopleByLog.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
					.add(new String[] { rs.getString(2), rs.getString(3), rs.getString(4) });
			});
		List<LedgerWorkbook.Entry> entries = new ArrayList<>(logs.size());
		for (Log log : logs) {
			List<String[]> people = peopleByLog.getOrDefault(log.id(), List.of());
			String items = java.util.Arrays.stream(log.items().split(","))
				.map(item -> messages.getMessage("work.item." + item, null, item, LocaleContextHolder.getLocale()))
				.collect(Collectors.joining("、"));
			entries.add(new LedgerWorkbook.Entry(log.date(), log.start(), log.end(), log.communityName(),
					items + "：" + log.done(), people(people, "STAFF"), people(people, "COMMUNITY_CONTACT")));
		}
		return entries.iterator();
	}

	private static String people(List<String[]> people, String role) {
		return people.stream()
			.filter(p -> p[0].equals(role))
			.map(p -> p[1] + (p[2] == null ? "" : " " + p[2]))
			.collect(Collectors.joining("；"));
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
