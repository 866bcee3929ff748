package chengguan.engagement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import chengguan.intake.ReportQueries;
import chengguan.intake.ReporterCounts;
import chengguan.organization.RegionLevel;
import chengguan.organization.RegionService;
import chengguan.organization.RegionView;
import chengguan.platform.PlatformProperties;
import chengguan.platform.audit.AuditAction;
import chengguan.platform.audit.AuditLog;
import chengguan.platform.ratelimit.RateLimiter;
import chengguan.platform.security.PersonalData;
import chengguan.platform.security.ScopeGuard;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.web.ConflictException;
import chengguan.platform.web.InvalidRequestException;
import chengguan.platform.web.TypedText;
import chengguan.platform.web.NotFoundException;
import chengguan.platform.web.TooManyRequestsException;

import static chengguan.platform.persistence.DbTime.instant;
import static chengguan.platform.persistence.DbTime.utc;

/**
 * Volunteers and citizen supervisors 志愿者 / 百姓监督员: residents register on their community's public page, staff
 * approve or turn them down with a reason, and the overview credits each with service hours and with the reports
 * their phone number made through intake.
 */
@Service
public class Volunteers {

	private static final Logger log = LoggerFactory.getLogger(Volunteers.class);

	static final int MAX_NAME = 32;

	static final int MAX_SKILLS = 500;

	static final int MAX_AVAILABILITY = 200;

	static final int MAX_REASON = 500;

	private static final String COLUMNS = """
			id, community_id, region_path, name, phone, kind, skills, availability, registered_at, status,
			decision_reason, decided_by, decided_at, version""";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final RegionService regions;

	private final ReportQueries reports;

	private final RateLimiter rateLimiter;

	private final ScopeGuard scopeGuard;

	private final AuditLog auditLog;

	private final VolunteerProperties settings;

	private final PlatformProperties platform;

	private final Clock clock;

	Volunteers(JdbcClient jdbc, TransactionTemplate transactions, RegionService regions, ReportQueries reports,
			RateLimiter rateLimiter, ScopeGuard scopeGuard, AuditLog auditLog, VolunteerProperties settings,
			PlatformProperties platform, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.regions = regions;
		this.reports = reports;
		this.rateLimiter = rateLimiter;
		this.scopeGuard = scopeGuard;
		this.auditLog = auditLog;
		this.settings = settings;
		this.platform = platform;
		this.clock = clock;
	}

	/** The community a public page names, or 404 if the code is not a community. */
	@Transactional(readOnly = true)
	public VolunteerPlace place(String communityCode) {
		RegionView community = community(communityCode);
		String street = regions.lineage(community).stream()
			.filter(region -> region.level() == RegionLevel.STREET)
			.map(RegionView::name)
			.findFirst()
			.orElse(null);
		return new VolunteerPlace(community.code(), community.name(), street);
	}

	private RegionView community(String communityCode) {
		if (communityCode == null || communityCode.isBlank() || communityCode.length() > 32) {
			throw new NotFoundException();
		}
		return regions.findByCode(communityCode.strip())
			.filter(region -> region.level() == RegionLevel.COMMUNITY)
			.orElseThrow(NotFoundException::new);
	}

	/**
	 * A resident's registration, waiting for approval. Checked first, then rate-limited per address (typing mistakes
	 * cost nothing). A phone already registered in the community is refused, except that the same name and phone
	 * again while the first is still pending is taken as a double tap and answered with the first registration.
	 */
	public Volunteer register(VolunteerRegistration registration) {
		RegionView community = community(registration.communityCode());
		String name = required(registration.name(), MAX_NAME, "volunteer.name.required", "volunteer.name.tooLong");
		String phone = mobile(registration.phone());
		if (registration.kind() == null) {
			throw new InvalidRequestException("volunteer.kind.required");
		}
		String skills = optional(registration.skills(), MAX_SKILLS, "volunteer.skills.tooLong");
		String availability = optional(registration.availability(), MAX_AVAILABILITY, "volunteer.availability.tooLong");
		if (!registration.consented()) {
			throw new InvalidRequestException("volunteer.consent.required");
		}
		if (registration.clientIp() != null) {
			Duration wait = rateLimiter.tryConsume("volunteer:ip:" + registration.clientIp(),
					settings.registrationsPerIp());
			if (!wait.isZero()) {
				throw new TooManyRequestsException(wait);
			}
		}
		Optional<Volunteer> earlier = findByPhone(community.id(), phone);
		if (earlier.isPresent()) {
			Volunteer first = earlier.get();
			if (first.status() == VolunteerStatus.PENDING && first.name().equals(name)) {
				return first;
			}
			throw new ConflictException("volunteer.phone.registered", community.name());
		}
		Instant now = clock.instant();
		try {
			long id = transactions.execute(status -> {
				GeneratedKeyHolder keys = new GeneratedKeyHolder();
				jdbc.sql("""
						INSERT INTO volunteer (community_id, region_path, name, phone, kind, skills, availability,
						    consented_at, registered_at, status)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING')""")
					.params(community.id(), community.path(), name, phone, registration.kind().name(), skills,
							availability, utc(now), utc(now))
					.update(keys, "id");
				return keys.getKeyAs(Number.class).longValue();
			});
			log.info("Volunteer registration {} in community {} ({})", id, community.code(), PersonalData.mask(phone));
			return find(id).orElseThrow();
		}
		catch (DuplicateKeyException ex) {
			// two copies of one registration raced past the look-up
			throw new ConflictException("volunteer.phone.registered", community.name());
		}
	}

	private Optional<Volunteer> findByPhone(long communityId, String phone) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM volunteer WHERE community_id = ? AND phone = ?")
			.params(communityId, phone)
			.query(volunteers())
			.optional();
	}

	@Transactional(readOnly = true)
	public Optional<Volunteer> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM volunteer WHERE id = ?").param(id).query(volunteers()).optional();
	}

	/** The volunteer, if the person's scope covers their community; otherwise 404 and an audit entry. */
	@Transactional(readOnly = true)
	public Volunteer get(long id, StaffPrincipal who) {
		Volunteer volunteer = find(id).orElseThrow(NotFoundException::new);
		scopeGuard.requireCovers(who, volunteer.regionPath(), "volunteer", id);
		return volunteer;
	}

	/** 待审核 → 已通过. */
	@Transactional
	public Volunteer approve(long id, long seenVersion, StaffPrincipal who) {
		return decide(id, seenVersion, VolunteerStatus.APPROVED, null, who);
	}

	/** 待审核 → 未通过, with the reason the community gives the person when it calls back. */
	@Transactional
	public Volunteer reject(long id, long seenVersion, String reason, StaffPrincipal who) {
		String cleaned = required(reason, MAX_REASON, "volunteer.reason.required", "volunteer.reason.tooLong");
		return decide(id, seenVersion, VolunteerStatus.REJECTED, cleaned, who);
	}

	private Volunteer decide(long id, long seenVersion, VolunteerStatus decision, String reason, StaffPrincipal who) {
		Volunteer volunteer = get(id, who);
		if (volunteer.status() != VolunteerStatus.PENDING) {
			throw new ConflictException("volunteer.decision.notPending");
		}
		int changed = jdbc.sql("""
				UPDATE volunteer SET status = ?, decision_reason = ?, decided_by = ?, decided_at = ?, version = version + 1
				WHERE id = ? AND status = 'PENDING' AND version = ?""")
			.params(decision.name(), reason, who.username(), utc(clock.instant()), id, seenVersion)
			.update();
		if (changed != 1) {
			throw new ConflictException("error.concurrentChange");
		}
		auditLog.record(AuditAction.VOLUNTEER_DECIDED, "volunteer", id,
				decision + (reason == null ? "" : " reason=" + reason));
		return find(id).orElseThrow();
	}

	/** The approved volunteers and supervisors of a community, by name (for recording attendance). */
	@Transactional(readOnly = true)
	public List<Volunteer> approvedIn(long communityId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM volunteer WHERE community_id = ? AND status = 'APPROVED' ORDER BY name, id")
			.param(communityId)
			.query(volunteers())
			.list();
	}

	/**
	 * Everyone registered in the person's scope (or one community of it): pending first, then by community and name,
	 * each with hours in {@code year} and ever, and the reports and suggestions their phone made in that year
	 * (Asia/Shanghai calendar year).
	 */
	@Transactional(readOnly = true)
	public List<VolunteerOverview> overview(StaffPrincipal who, Long communityId, int year) {
		return overview(who, communityId, year, -1);
	}

	public static final int PAGE_SIZE = 50;

	/** The people registered in scope, pending ones, for the badge (the list itself is paged). */
	@Transactional(readOnly = true)
	public int pendingCount(StaffPrincipal who, Long communityId) {
		String pattern = communityId == null ? who.scope().pathPattern() : regions.get(communityId, who).path() + "%";
		return jdbc.sql("SELECT COUNT(*) FROM volunteer WHERE region_path LIKE ? AND status = 'PENDING'")
			.param(pattern)
			.query(Integer.class)
			.single();
	}

	/**
	 * One page of {@link #overview(StaffPrincipal, Long, int)}: at most {@link #PAGE_SIZE} and one more (there is a
	 * next page); a negative page reads everyone. The same few statements whatever the number of volunteers: their
	 * community names joined in, hours and report counts for this page's people only.
	 */
	@Transactional(readOnly = true)
	public List<VolunteerOverview> overview(StaffPrincipal who, Long communityId, int year, int page) {
		String pattern = who.scope().pathPattern();
		if (communityId != null) {
			pattern = regions.get(communityId, who).path() + "%";
		}
		List<Volunteer> volunteers = jdbc.sql("SELECT v.*, r.name AS community_name FROM (SELECT " + COLUMNS + """
				 FROM volunteer WHERE region_path LIKE ?
				ORDER BY CASE status WHEN 'PENDING' THEN 0 WHEN 'APPROVED' THEN 1 ELSE 2 END, region_path, name, id
				""" + (page < 0 ? "" : " LIMIT " + (PAGE_SIZE + 1) + " OFFSET " + (long) page * PAGE_SIZE) + """
				) v JOIN region r ON r.id = v.community_id
				ORDER BY CASE v.status WHEN 'PENDING' THEN 0 WHEN 'APPROVED' THEN 1 ELSE 2 END, v.region_path, v.name, v.id""")
			.param(pattern)
			.query((rs, n) -> volunteer(rs, rs.getString("community_name")))
			.list();
		if (volunteers.isEmpty()) {
			return List.of();
		}
		record Hours(BigDecimal inYear, BigDecimal total, int activitiesInYear) {
		}
		Map<Long, Hours> hours = new HashMap<>();
		jdbc.sql("""
				SELECT t.volunteer_id,
				       SUM(CASE WHEN a.activity_date BETWEEN :first AND :last THEN a.hours_per_person ELSE 0 END),
				       SUM(a.hours_per_person),
				       SUM(CASE WHEN a.activity_date BETWEEN :first AND :last THEN 1 ELSE 0 END)
				FROM volunteer_attendance t
				JOIN volunteer v ON v.id = t.volunteer_id
				JOIN volunteer_activity a ON a.id = t.activity_id
				WHERE v.region_path LIKE :pattern""" + (page < 0 ? "" : " AND t.volunteer_id IN (:ids)") + """

				GROUP BY t.volunteer_id""")
			.param("ids", volunteers.stream().map(Volunteer::id).toList())
			.param("first", LocalDate.of(year, 1, 1))
			.param("last", LocalDate.of(year, 12, 31))
			.param("pattern", pattern)
			.query(rs -> {
				hours.put(rs.getLong(1), new Hours(rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getInt(4)));
			});
		ZoneId zone = platform.timeZone();
		Map<String, ReporterCounts> counts = reports.countsByReporterPhone(
				volunteers.stream().map(Volunteer::phone).toList(), LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant(),
				LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant());
		List<VolunteerOverview> rows = new ArrayList<>(volunteers.size());
		Hours none = new Hours(BigDecimal.ZERO, BigDecimal.ZERO, 0);
		for (Volunteer volunteer : volunteers) {
			Hours done = hours.getOrDefault(volunteer.id(), none);
			rows.add(new VolunteerOverview(volunteer, scaled(done.inYear()), scaled(done.total()),
					done.activitiesInYear(), counts.getOrDefault(volunteer.phone(), ReporterCounts.NONE)));
		}
		return rows;
	}

	private static BigDecimal scaled(BigDecimal hours) {
		return (hours == null ? BigDecimal.ZERO : hours).setScale(1, RoundingMode.HALF_UP);
	}

	/** Reads rows, looking each community's name up once. */
	private RowMapper<Volunteer> volunteers() {
		Map<Long, String> names = new HashMap<>();
		return (rs, n) -> volunteer(rs, names.computeIfAbsent(rs.getLong("community_id"),
				id -> regions.find(id).map(RegionView::name).orElse("")));
	}

	private static Volunteer volunteer(ResultSet rs, String communityName) throws SQLException {
		return new Volunteer(rs.getLong("id"), rs.getLong("community_id"), communityName, rs.getString("region_path"),
				rs.getString("name"), rs.getString("phone"), VolunteerKind.valueOf(rs.getString("kind")),
				rs.getString("skills"), rs.getString("availability"), instant(rs, "registered_at"),
				VolunteerStatus.valueOf(rs.getString("status")), rs.getString("decision_reason"),
				rs.getString("decided_by"), instant(rs, "decided_at"), rs.getLong("version"));
	}

	/**
	 * Mainland mobile numbers only (the community calls and texts volunteers), in the shape intake stores reporters'
	 * phones in.
	 */
	static String mobile(String text) {
		if (text == null || text.isBlank()) {
			throw new InvalidRequestException("volunteer.phone.required");
		}
		return TypedText.phone(text, false, "volunteer.phone.invalid");
	}

	static String required(String text, int maxLength, String missingCode, String tooLongCode) {
		String value = clean(text);
		if (value == null) {
			throw new InvalidRequestException(missingCode);
		}
		if (value.length() > maxLength) {
			throw new InvalidRequestException(tooLongCode, maxLength);
		}
		return value;
	}

	static String optional(String text, int maxLength, String tooLongCode) {
		String value = clean(text);
		if (value != null && value.length() > maxLength) {
			throw new InvalidRequestException(tooLongCode, maxLength);
		}
		return value;
	}

	static String clean(String text) {
		return TypedText.clean(text);
	}

}
