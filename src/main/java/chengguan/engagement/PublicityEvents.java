package chengguan.engagement;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import chengguan.fieldwork.DutyLogEntry;
import chengguan.fieldwork.DutyLogs;
import chengguan.organization.RegionLevel;
import chengguan.organization.RegionService;
import chengguan.organization.RegionView;
import chengguan.organization.RosterService;
import chengguan.organization.StaffView;
import chengguan.platform.PlatformProperties;
import chengguan.platform.audit.AuditAction;
import chengguan.platform.audit.AuditLog;
import chengguan.platform.ratelimit.RateLimit;
import chengguan.platform.ratelimit.RateLimiter;
import chengguan.platform.security.ScopeGuard;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.storage.FileStorage;
import chengguan.platform.storage.ImageNormalizer;
import chengguan.platform.storage.StoredFile;
import chengguan.platform.web.ConflictException;
import chengguan.platform.web.InvalidRequestException;
import chengguan.platform.web.NotFoundException;
import chengguan.platform.web.TooManyRequestsException;

import static chengguan.platform.persistence.DbTime.instant;
import static chengguan.platform.persistence.DbTime.utc;

/**
 * Publicity events 普法宣传 / 城管开放日 / 法制宣传日 / training: planned for a community, residents sign up on a public
 * page (seats held by a conditional UPDATE of the counter, which a CHECK constraint backs; one sign-up per phone),
 * staff tick off who came and add photos, and marking an event held with its summary records a duty log for the
 * organiser, so that the event counts in their 附件2 ledger.
 */
@Service
public class PublicityEvents {

	private static final Logger log = LoggerFactory.getLogger(PublicityEvents.class);

	/** No 0/O or 1/I/L: the code is typed from posters. */
	private static final char[] CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final int MAX_CAPACITY = 5000;

	private static final String COLUMNS = """
			id, code, title, kind, community_id, place, event_date, start_time, end_time, capacity, signed_up,
			organiser_staff_id, description, status, summary, duty_log_id, version,
			(SELECT COUNT(*) FROM publicity_event_photo p WHERE p.event_id = publicity_event.id) AS photo_count""";

	/**
	 * @param signUpsPerIp public sign-ups from one address
	 * @param maxPhotos photos kept per event
	 */
	@ConfigurationProperties("chengguan.publicity-events")
	public record Settings(RateLimit signUpsPerIp, int maxPhotos) {

		public Settings {
			signUpsPerIp = signUpsPerIp != null ? signUpsPerIp : new RateLimit(20, Duration.ofHours(1));
			maxPhotos = maxPhotos > 0 ? maxPhotos : 12;
		}

	}

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final RegionService regions;

	private final RosterService roster;

	private final DutyLogs dutyLogs;

	private final ImageNormalizer images;

	private final FileStorage files;

	private final RateLimiter rateLimiter;

	private final ScopeGuard scopeGuard;

	private final AuditLog auditLog;

	private final MessageSource messages;

	private final PlatformProperties platform;

	private final Settings settings;

	private final Clock clock;

	PublicityEvents(JdbcClient jdbc, TransactionTemplate transactions, RegionService regions, RosterService roster,
			DutyLogs dutyLogs, ImageNormalizer images, FileStorage files, RateLimiter rateLimiter, ScopeGuard scopeGuard,
			AuditLog auditLog, MessageSource messages, PlatformProperties platform, Settings settings, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.regions = regions;
		this.roster = roster;
		this.dutyLogs = dutyLogs;
		this.images = images;
		this.files = files;
		this.rateLimiter = rateLimiter;
		this.scopeGuard = scopeGuard;
		this.auditLog = auditLog;
		this.messages = messages;
		this.platform = platform;
		this.settings = settings;
		this.clock = clock;
	}

	/** Plans an event in a community of the person's scope; the organiser must be on the roster. */
	@Transactional
	public long plan(PublicityEventPlan plan, StaffPrincipal who) {
		RegionView community = regions.findByCode(plan.communityCode() == null ? "" : plan.communityCode().strip())
			.filter(region -> region.level() == RegionLevel.COMMUNITY)
			.orElseThrow(() -> new InvalidRequestException("publicityEvent.community.required"));
		scopeGuard.requireCovers(who, community.path(), "region", community.id());
		String title = NeedSubmissionRules.text(plan.title(), 2, 100, "publicityEvent.title.length");
		if (plan.kind() == null) {
			throw new InvalidRequestException("publicityEvent.kind.required");
		}
		String place = NeedSubmissionRules.text(plan.place(), 2, 200, "publicityEvent.place.length");
		if (plan.date() == null || plan.start() == null || plan.end() == null) {
			throw new InvalidRequestException("publicityEvent.time.required");
		}
		if (!plan.end().isAfter(plan.start())) {
			throw new InvalidRequestException("publicityEvent.time.endBeforeStart");
		}
		if (plan.date().isBefore(today())) {
			throw new InvalidRequestException("publicityEvent.time.past");
		}
		if (plan.capacity() == null || plan.capacity() < 1 || plan.capacity() > MAX_CAPACITY) {
			throw new InvalidRequestException("publicityEvent.capacity.range", MAX_CAPACITY);
		}
		StaffView organiser = plan.organiserStaffId() == null ? null
				: roster.findStaff(plan.organiserStaffId()).filter(StaffView::active).orElse(null);
		if (organiser == null) {
			throw new InvalidRequestException("publicityEvent.organiser.required");
		}
		String description = NeedSubmissionRules.optional(plan.description(), 2000, "publicityEvent.description.tooLong");
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO publicity_event (code, title, kind, community_id, region_path, place, event_date, start_time,
				    end_time, capacity, organiser_staff_id, description, status, created_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PLANNED', ?, ?)""")
			.params(freeCode(), title, plan.kind().name(), community.id(), community.path(), place, plan.date(),
					plan.start(), plan.end(), plan.capacity(), organiser.id(), description, who.username(),
					utc(clock.instant()))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	private String freeCode() {
		for (int attempt = 0; attempt < 10; attempt++) {
			StringBuilder code = new StringBuilder(8);
			for (int i = 0; i < 8; i++) {
				code.append(CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)]);
			}
			boolean taken = jdbc.sql("SELECT COUNT(*) FROM publicity_event WHERE code = ?")
				.param(code.toString())
				.query(Integer.class)
				.single() > 0;
			if (!taken) {
				return code.toString();
			}
		}
		throw new IllegalStateException("No free event code after 10 tries");
	}

	/** The event behind a public sign-up page, or 404. */
	@Transactional(readOnly = true)
	public PublicityEvent byCode(String code) {
		String cleaned = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
		if (!cleaned.matches("[0-9A-Z]{8}")) {
			throw new NotFoundException();
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM publicity_event WHERE code = ?")
			.param(cleaned)
			.query((rs, n) -> event(rs, null, null))
			.optional()
			.orElseThrow(NotFoundException::new);
	}

	/**
	 * A resident signs up: rate-limited by address, one sign-up per phone, and never more than the capacity, however
	 * many sign up at the same moment.
	 */
	public void signUp(String eventCode, String name, String phone, String clientIp) {
		// in one transaction, so the community and organiser looked up while the row is read share its connection;
		// otherwise every sign-up holds two connections at once and a crowd of them drains the pool
		PublicityEvent event = transactions.execute(status -> byCode(eventCode));
		String cleanName = NeedSubmissionRules.text(name, 1, 32, "publicityEvent.signUp.name");
		String cleanPhone = NeedSubmissionRules.phone(phone);
		if (cleanPhone == null) {
			throw new InvalidRequestException("publicityEvent.signUp.phoneRequired");
		}
		if (clientIp != null) {
			Duration wait = rateLimiter.tryConsume("event:ip:" + clientIp, settings.signUpsPerIp());
			if (!wait.isZero()) {
				throw new TooManyRequestsException(wait);
			}
		}
		if (!event.signUpOpen()) {
			throw new ConflictException(event.seatsLeft() == 0 ? "publicityEvent.signUp.full"
					: "publicityEvent.signUp.closed");
		}
		boolean already = jdbc.sql("SELECT COUNT(*) FROM publicity_event_signup WHERE event_id = ? AND phone = ?")
			.params(event.id(), cleanPhone)
			.query(Integer.class)
			.single() > 0;
		if (already) {
			throw new InvalidRequestException("publicityEvent.signUp.duplicate");
		}
		try {
			transactions.executeWithoutResult(status -> {
				jdbc.sql("""
						INSERT INTO publicity_event_signup (event_id, name, phone, signed_up_at)
						VALUES (?, ?, ?, ?)""")
					.params(event.id(), cleanName, cleanPhone, utc(clock.instant()))
					.update();
				// the seat: taken only while one is left; a concurrent sign-up waits for the row and sees the new count
				int taken = jdbc.sql("""
						UPDATE publicity_event SET signed_up = signed_up + 1
						WHERE id = ? AND status = 'PLANNED' AND signed_up < capacity""")
					.param(event.id())
					.update();
				if (taken != 1) {
					throw new ConflictException("publicityEvent.signUp.full");
				}
			});
		}
		catch (DuplicateKeyException ex) {
			throw new InvalidRequestException("publicityEvent.signUp.duplicate");
		}
		catch (DataIntegrityViolationException ex) {
			// the CHECK on signed_up <= capacity: the last seat went to someone else at the same moment
			throw new ConflictException("publicityEvent.signUp.full");
		}
		log.info("Sign-up for event {} ({} of {})", event.id(), event.signedUp() + 1, event.capacity());
	}

	/** The event, if its community lies in the person's scope; otherwise 404 and an audit entry. */
	@Transactional(readOnly = true)
	public PublicityEvent get(long id, StaffPrincipal who) {
		String path = jdbc.sql("SELECT region_path FROM publicity_event WHERE id = ?")
			.param(id)
			.query(String.class)
			.optional()
			.orElseThrow(NotFoundException::new);
		scopeGuard.requireCovers(who, path, "publicity_event", id);
		return find(id).orElseThrow(NotFoundException::new);
	}

	private Optional<PublicityEvent> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM publicity_event WHERE id = ?")
			.param(id)
			.query((rs, n) -> event(rs, null, null))
			.optional();
	}

	/** Events in the person's scope: upcoming ones first (soonest first), then past ones (latest first). */
	@Transactional(readOnly = true)
	public List<PublicityEvent> list(StaffPrincipal who) {
		return list(who, 0);
	}

	public static final int PAGE_SIZE = 50;

	/**
	 * One page of {@link #list(StaffPrincipal)}, ordered in SQL so that it can be paged: at most {@link #PAGE_SIZE}
	 * and one more (there is a next page). The organisers' names come joined in, not looked up one by one.
	 */
	@Transactional(readOnly = true)
	public List<PublicityEvent> list(StaffPrincipal who, int page) {
		Map<Long, String> communities = new HashMap<>();
		regions.communities(who.scope()).forEach(c -> communities.put(c.id(), c.name()));
		Map<Long, String> organisers = new HashMap<>();
		LocalDate today = today();
		return jdbc.sql("SELECT " + COLUMNS + """
				, (SELECT s.name FROM staff s WHERE s.id = publicity_event.organiser_staff_id) AS organiser_name
				FROM publicity_event WHERE region_path LIKE :scope
				ORDER BY CASE WHEN event_date >= :today THEN 0 ELSE 1 END,
				    CASE WHEN event_date >= :today THEN event_date END,
				    CASE WHEN event_date >= :today THEN start_time END,
				    event_date DESC, start_time DESC, id DESC
				LIMIT\s""" + (PAGE_SIZE + 1) + " OFFSET " + (long) Math.max(page, 0) * PAGE_SIZE)
			.param("scope", who.scope().pathPattern())
			.param("today", today)
			.query((rs, n) -> {
				organisers.put(rs.getLong("organiser_staff_id"), rs.getString("organiser_name"));
				return event(rs, communities, organisers);
			})
			.list();
	}

	@Transactional(readOnly = true)
	public List<PublicityEventSignUp> signUps(long eventId, StaffPrincipal who) {
		get(eventId, who);
		return jdbc.sql("""
				SELECT id, name, phone, signed_up_at, attended FROM publicity_event_signup
				WHERE event_id = ? ORDER BY signed_up_at, id""")
			.param(eventId)
			.query((rs, n) -> new PublicityEventSignUp(rs.getLong(1), rs.getString(2), rs.getString(3), instant(rs, 4),
					rs.getBoolean(5)))
			.list();
	}

	/** Ticks a sign-up off as come (or takes the tick back). */
	@Transactional
	public void markAttendance(long eventId, long signUpId, boolean attended, StaffPrincipal who) {
		get(eventId, who);
		int changed = jdbc.sql("UPDATE publicity_event_signup SET attended = ? WHERE id = ? AND event_id = ?")
			.params(attended, signUpId, eventId)
			.update();
		if (changed != 1) {
			throw new NotFoundException();
		}
	}

	/** Adds photos, re-encoded without their EXIF position like residents' report photos. */
	@Transactional
	public void addPhotos(long eventId, List<byte[]> uploads, StaffPrincipal who) {
		PublicityEvent event = get(eventId, who);
		if (uploads.isEmpty()) {
			throw new InvalidRequestException("publicityEvent.photos.none");
		}
		if (event.photoCount() + uploads.size() > settings.maxPhotos()) {
			throw new InvalidRequestException("publicityEvent.photos.tooMany", settings.maxPhotos());
		}
		List<byte[]> photos = uploads.stream().map(images::normalize).toList();
		int next = event.photoCount();
		for (byte[] photo : photos) {
			String fileId = files.store(photo, ImageNormalizer.OUTPUT_TYPE);
			jdbc.sql("INSERT INTO publicity_event_photo (event_id, photo_index, file_id) VALUES (?, ?, ?)")
				.params(eventId, next++, fileId)
				.update();
		}
	}

	@Transactional(readOnly = true)
	public StoredFile photo(long eventId, int index, StaffPrincipal who) {
		get(eventId, who);
		return jdbc.sql("SELECT file_id FROM publicity_event_photo WHERE event_id = ? AND photo_index = ?")
			.params(eventId, index)
			.query(String.class)
			.optional()
			.flatMap(files::load)
			.orElseThrow(NotFoundException::new);
	}

	/**
	 * Marks the event held with its summary, on or after its day, and records it in the organiser's duty log (the
	 * work item its kind implies: 普法宣传, or 志愿服务), with how many signed up and came.
	 */
	@Transactional
	public PublicityEvent markHeld(long id, long seenVersion, String summary, StaffPrincipal who) {
		PublicityEvent event = get(id, who);
		if (event.status() != PublicityEventStatus.PLANNED) {
			throw new InvalidRequestException("publicityEvent.held.already");
		}
		if (event.date().isAfter(today())) {
			throw new InvalidRequestException("publicityEvent.held.notYet");
		}
		String text = NeedSubmissionRules.text(summary, 5, 2000, "publicityEvent.summary.length");
		int changed = jdbc.sql("""
				UPDATE publicity_event SET status = 'HELD', summary = ?, held_by = ?, version = version + 1
				WHERE id = ? AND version = ? AND status = 'PLANNED'""")
			.params(text, who.username(), id, seenVersion)
			.update();
		if (changed != 1) {
			throw new OptimisticLockingFailureException("event " + id + " changed since it was read");
		}
		StaffView organiser = roster.findStaff(event.organiserStaffId()).orElseThrow(NotFoundException::new);
		int attended = jdbc.sql("SELECT COUNT(*) FROM publicity_event_signup WHERE event_id = ? AND attended = TRUE")
			.param(id)
			.query(Integer.class)
			.single();
		String kindName = messages.getMessage("publicityEvent.kind." + event.kind(), null, event.kind().name(),
				LocaleContextHolder.getLocale());
		String done = kindName + "：" + event.title() + "（" + event.place() + "），报名 " + event.signedUp() + " 人，到场 "
				+ attended + " 人。" + text;
		String communityCode = regions.find(event.communityId()).map(RegionView::code).orElseThrow();
		DutyLogs.Recorded recorded = dutyLogs.record(new DutyLogEntry(communityCode, event.date(), event.start(),
				event.end(), Set.of(event.kind().workItem()), done.length() > 2000 ? done.substring(0, 1999) + "…" : done,
				null, null, List.of(new DutyLogEntry.Participant(DutyLogEntry.Participant.Role.STAFF, organiser.id(), null,
						null)),
				null, null, null), new PublicityEventOrganiser(organiser, who));
		jdbc.sql("UPDATE publicity_event SET duty_log_id = ? WHERE id = ?").params(recorded.id(), id).update();
		auditLog.record(AuditAction.PUBLICITY_EVENT_HELD, "publicity_event", id, "dutyLog=" + recorded.id());
		log.info("Event {} held; duty log {} for staff {}", id, recorded.id(), organiser.id());
		return get(id, who);
	}

	private PublicityEvent event(ResultSet rs, Map<Long, String> communities, Map<Long, String> organisers)
			throws SQLException {
		long communityId = rs.getLong("community_id");
		long organiserId = rs.getLong("organiser_staff_id");
		String communityName = communities != null && communities.containsKey(communityId) ? communities.get(communityId)
				: regions.find(communityId).map(RegionView::name).orElse("");
		String organiserName = organisers != null && organisers.containsKey(organiserId) ? organisers.get(organiserId)
				: roster.findStaff(organiserId).map(StaffView::name).orElse("");
		if (organisers != null) {
			organisers.put(organiserId, organiserName);
		}
		LocalDate date = rs.getObject("event_date", LocalDate.class);
		LocalTime start = rs.getObject("start_time", LocalTime.class);
		PublicityEventStatus status = PublicityEventStatus.valueOf(rs.getString("status"));
		int capacity = rs.getInt("capacity");
		int signedUp = rs.getInt("signed_up");
		boolean open = status == PublicityEventStatus.PLANNED && signedUp < capacity
				&& LocalDateTime.of(date, start).isAfter(LocalDateTime.ofInstant(clock.instant(), platform.timeZone()));
		return new PublicityEvent(rs.getLong("id"), rs.getString("code"), rs.getString("title"),
				PublicityEventKind.valueOf(rs.getString("kind")), communityId, communityName, rs.getString("place"), date,
				start, rs.getObject("end_time", LocalTime.class), capacity, signedUp, organiserId, organiserName,
				rs.getString("description"), status, rs.getString("summary"),
				rs.getObject("duty_log_id") == null ? null : rs.getLong("duty_log_id"), rs.getInt("photo_count"),
				rs.getLong("version"), open);
	}

	/** Today in the platform's time zone, by the injected clock. */
	public LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), platform.timeZone());
	}

}
