package chengguan.engagement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import chengguan.cases.CaseService;
import chengguan.cases.CaseView;
import chengguan.intake.IntakeService;
import chengguan.intake.ReportKind;
import chengguan.intake.ReportSubmission;
import chengguan.intake.SubmittedReport;
import chengguan.organization.RegionLevel;
import chengguan.organization.RegionService;
import chengguan.organization.RegionView;
import chengguan.platform.PlatformProperties;
import chengguan.platform.audit.AuditAction;
import chengguan.platform.audit.AuditLog;
import chengguan.platform.ratelimit.RateLimit;
import chengguan.platform.ratelimit.RateLimiter;
import chengguan.platform.security.ScopeGuard;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.web.InvalidRequestException;
import chengguan.platform.web.NotFoundException;
import chengguan.platform.web.TooManyRequestsException;

import static chengguan.platform.persistence.DbTime.instant;
import static chengguan.platform.persistence.DbTime.utc;

/**
 * Suggestions 人民建议 and the residents' needs list 居民需求清单: residents send them from the community's public
 * page (rate-limited, a retry makes one), staff write down what they collect at visits, needs surveys and meetings.
 * Each is weighed (待研判 → 已采纳 / 办理中 → 已解决, or 不予采纳 with a reason), gets a measure 措施 with an owner and
 * a deadline, and can become a case in one step. A community's list with its measures is its 一区一策.
 */
@Service
public class Needs {

	private static final Logger log = LoggerFactory.getLogger(Needs.class);

	static final int MIN_CONTENT = 5;

	static final int MAX_CONTENT = 1000;

	public static final int PAGE_SIZE = 50;

	private static final String COLUMNS = """
			id, community_id, kind, source, content, resident_name, resident_phone, status, rejection_reason, measure,
			measure_owner, measure_deadline, report_id, report_tracking_code, received_at, recorded_by, version""";

	/**
	 * @param submissionsPerIp resident submissions from one address; generous, a carrier puts many phones behind one
	 * @param submissionsPerPhone resident submissions naming one phone number
	 */
	@ConfigurationProperties("chengguan.needs")
	public record Settings(RateLimit submissionsPerIp, RateLimit submissionsPerPhone) {

		public Settings {
			submissionsPerIp = submissionsPerIp != null ? submissionsPerIp : new RateLimit(20, Duration.ofHours(1));
			submissionsPerPhone = submissionsPerPhone != null ? submissionsPerPhone : new RateLimit(5, Duration.ofDays(1));
		}

	}

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final RegionService regions;

	private final IntakeService intake;

	private final CaseService cases;

	private final RateLimiter rateLimiter;

	private final ScopeGuard scopeGuard;

	private final AuditLog auditLog;

	private final PlatformProperties platform;

	private final Settings settings;

	private final Clock clock;

	Needs(JdbcClient jdbc, TransactionTemplate transactions, RegionService regions, IntakeService intake,
			CaseService cases, RateLimiter rateLimiter, ScopeGuard scopeGuard, AuditLog auditLog,
			PlatformProperties platform, Settings settings, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.regions = regions;
		this.intake = intake;
		this.cases = cases;
		this.rateLimiter = rateLimiter;
		this.scopeGuard = scopeGuard;
		this.auditLog = auditLog;
		this.platform = platform;
		this.settings = settings;
		this.clock = clock;
	}

	/** The community a public page names, or 404 unless it is a community. */
	@Transactional(readOnly = true)
	public NeedCommunity community(String code) {
		RegionView community = regions.findByCode(code == null ? "" : code.strip())
			.filter(region -> region.level() == RegionLevel.COMMUNITY)
			.orElseThrow(NotFoundException::new);
		String street = community.parentId() == null ? null
				: regions.find(community.parentId()).map(RegionView::name).orElse(null);
		return new NeedCommunity(community.id(), community.code(), community.name(), street, community.path());
	}

	/** A resident's suggestion or need from the public page: rate-limited, and a repeated key returns the first. */
	public long submitFromResident(SuggestionSubmission submission) {
		NeedCommunity community = community(submission.communityCode());
		String key = NeedSubmissionRules.idempotencyKey(submission.idempotencyKey());
		String storedKey = key == null ? null : "r:" + key;
		Optional<Long> earlier = storedKey == null ? Optional.empty() : findByIdempotencyKey(storedKey);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		if (submission.kind() == null) {
			throw new InvalidRequestException("need.kind.required");
		}
		String content = NeedSubmissionRules.text(submission.content(), MIN_CONTENT, MAX_CONTENT, "need.content.length");
		String phone = NeedSubmissionRules.phone(submission.phone());
		if (submission.clientIp() != null) {
			requireWithinLimit("need:ip:" + submission.clientIp(), settings.submissionsPerIp());
		}
		if (phone != null) {
			requireWithinLimit("need:phone:" + phone, settings.submissionsPerPhone());
		}
		try {
			long id = transactions.execute(status -> insert(community.id(), community.path(), submission.kind(),
					NeedSource.QR_CODE, content, null, phone, storedKey, null));
			log.info("Need {} received from the public page of community {}", id, community.code());
			return id;
		}
		catch (DuplicateKeyException ex) {
			// two copies of one request raced past the lookup: the loser answers with the winner's need
			return findByIdempotencyKey(storedKey).orElseThrow(() -> ex);
		}
	}

	/** A suggestion or need a staff member collected, for a community in their scope. */
	@Transactional
	public long record(NeedEntry entry, StaffPrincipal who) {
		RegionView community = regions.findByCode(entry.communityCode() == null ? "" : entry.communityCode().strip())
			.filter(region -> region.level() == RegionLevel.COMMUNITY)
			.orElseThrow(() -> new InvalidRequestException("need.community.required"));
		scopeGuard.requireCovers(who, community.path(), "region", community.id());
		if (entry.kind() == null) {
			throw new InvalidRequestException("need.kind.required");
		}
		if (entry.source() == null || !NeedSource.staffRecorded().contains(entry.source())) {
			throw new InvalidRequestException("need.source.required");
		}
		String content = NeedSubmissionRules.text(entry.content(), MIN_CONTENT, MAX_CONTENT, "need.content.length");
		String name = NeedSubmissionRules.optional(entry.residentName(), 32, "need.name.tooLong");
		String phone = NeedSubmissionRules.phone(entry.residentPhone());
		return insert(community.id(), community.path(), entry.kind(), entry.source(), content, name, phone, null,
				who.username());
	}

	private long insert(long communityId, String path, NeedKind kind, NeedSource source, String content, String name,
			String phone, String idempotencyKey, String recordedBy) {
		Instant now = clock.instant();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO need (community_id, region_path, kind, source, content, resident_name, resident_phone, status,
				    idempotency_key, received_at, recorded_by, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?)""")
			.params(communityId, path, kind.name(), source.name(), content, name, phone, idempotencyKey, utc(now),
					recordedBy, utc(now))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	private Optional<Long> findByIdempotencyKey(String key) {
		return jdbc.sql("SELECT id FROM need WHERE idempotency_key = ?").param(key).query(Long.class).optional();
	}

	private void requireWithinLimit(String bucket, RateLimit limit) {
		Duration wait = rateLimiter.tryConsume(bucket, limit);
		if (!wait.isZero()) {
			throw new TooManyRequestsException(wait);
		}
	}

	/** The need, if its community lies in the person's scope; otherwise 404 and an audit entry. */
	@Transactional(readOnly = true)
	public Need get(long id, StaffPrincipal who) {
		String path = jdbc.sql("SELECT region_path FROM need WHERE id = ?")
			.param(id)
			.query(String.class)
			.optional()
			.orElseThrow(NotFoundException::new);
		scopeGuard.requireCovers(who, path, "need", id);
		LocalDate today = today();
		return jdbc.sql("SELECT " + COLUMNS + " FROM need WHERE id = ?")
			.param(id)
			.query((rs, n) -> need(rs, regions.find(rs.getLong("community_id")).map(RegionView::name).orElse(""), today))
			.single();
	}

	/** The first page of {@link #list(StaffPrincipal, Long, NeedStatus, int)}. */
	@Transactional(readOnly = true)
	public List<Need> list(StaffPrincipal who, Long communityId, NeedStatus status) {
		return list(who, communityId, status, 0);
	}

	/**
	 * One page of the needs in the person's scope, newest first: at most {@link #PAGE_SIZE} and one more, so the
	 * caller knows whether there is a next page.
	 *
	 * @param communityId only this community's, or all when null
	 * @param status only those with this status, or all when null
	 */
	@Transactional(readOnly = true)
	public List<Need> list(StaffPrincipal who, Long communityId, NeedStatus status, int page) {
		StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM need WHERE region_path LIKE ?");
		List<Object> params = new ArrayList<>(List.of(who.scope().pathPattern()));
		if (communityId != null) {
			sql.append(" AND community_id = ?");
			params.add(communityId);
		}
		if (status != null) {
			sql.append(" AND status = ?");
			params.add(status.name());
		}
		sql.append(" ORDER BY received_at DESC, id DESC LIMIT " + (PAGE_SIZE + 1) + " OFFSET "
				+ (long) Math.max(page, 0) * PAGE_SIZE);
		Map<Long, String> names = communityNames(who);
		LocalDate today = today();
		return jdbc.sql(sql.toString())
			.params(params)
			.query((rs, n) -> need(rs, names.getOrDefault(rs.getLong("community_id"), ""), today))
			.list();
	}

	/** 一区一策: a community's needs with their measures, open ones first, then by when they came in. */
	@Transactional(readOnly = true)
	public List<Need> communityList(long communityId, StaffPrincipal who) {
		RegionView community = regions.get(communityId, who);
		LocalDate today = today();
		List<Need> all = jdbc.sql("SELECT " + COLUMNS + " FROM need WHERE community_id = ? ORDER BY received_at, id")
			.param(communityId)
			.query((rs, n) -> need(rs, community.name(), today))
			.list();
		List<Need> ordered = new ArrayList<>(all.stream().filter(need -> need.status().isOpen()).toList());
		all.stream().filter(need -> !need.status().isOpen()).forEach(ordered::add);
		return ordered;
	}

	/** Moves a need on; 不予采纳 needs a reason, which the resident may be told. */
	@Transactional
	public Need changeStatus(long id, long seenVersion, NeedStatus next, String reason, StaffPrincipal who) {
		Need need = get(id, who);
		if (!need.status().canMoveTo(next)) {
			throw new InvalidRequestException("need.status.illegal");
		}
		String rejection = null;
		if (next == NeedStatus.REJECTED) {
			rejection = NeedSubmissionRules.clean(reason);
			if (rejection == null) {
				throw new InvalidRequestException("need.rejection.reasonRequired");
			}
			if (rejection.length() > 500) {
				throw new InvalidRequestException("need.rejection.reasonTooLong", 500);
			}
		}
		int changed = jdbc.sql("""
				UPDATE need SET status = ?, rejection_reason = ?, updated_at = ?, version = version + 1
				WHERE id = ? AND version = ?""")
			.params(next.name(), rejection, utc(clock.instant()), id, seenVersion)
			.update();
		if (changed != 1) {
			throw new OptimisticLockingFailureException("need " + id + " changed since it was read");
		}
		auditLog.record(AuditAction.NEED_STATUS_CHANGED, "need", id, need.status() + "->" + next);
		return get(id, who);
	}

	/** Sets the measure 措施: what will be done, who answers for it, and by when. */
	@Transactional
	public Need setMeasure(long id, long seenVersion, NeedMeasure measure, StaffPrincipal who) {
		Need need = get(id, who);
		if (!need.status().isOpen()) {
			throw new InvalidRequestException("need.closed");
		}
		String what = NeedSubmissionRules.text(measure.measure(), 2, 1000, "need.measure.length");
		String owner = NeedSubmissionRules.text(measure.owner(), 1, 64, "need.measure.owner");
		if (measure.deadline() == null) {
			throw new InvalidRequestException("need.measure.deadline");
		}
		int changed = jdbc.sql("""
				UPDATE need SET measure = ?, measure_owner = ?, measure_deadline = ?, updated_at = ?, version = version + 1
				WHERE id = ? AND version = ?""")
			.params(what, owner, measure.deadline(), utc(clock.instant()), id, seenVersion)
			.update();
		if (changed != 1) {
			throw new OptimisticLockingFailureException("need " + id + " changed since it was read");
		}
		return get(id, who);
	}

	/**
	 * Makes the need a case in one step: a report through intake in the channel its source implies (现场接访 or
	 * 居委会/物业/业委会), in the need's community, with the resident's phone so they hear the outcome. The need is then
	 * 办理中 and shows the case.
	 */
	@Transactional
	public Need promoteToCase(long id, long seenVersion, String categoryCode, ReportKind kind, StaffPrincipal who) {
		Need need = get(id, who);
		if (!need.promotable()) {
			throw new InvalidRequestException(need.promoted() ? "need.promote.already" : "need.closed");
		}
		if (need.version() != seenVersion) {
			throw new OptimisticLockingFailureException("need " + id + " changed since it was read");
		}
		if (kind == null) {
			throw new InvalidRequestException("need.promote.kind");
		}
		String communityCode = regions.find(need.communityId()).map(RegionView::code).orElseThrow(NotFoundException::new);
		SubmittedReport report = intake.submitFromStaff(new ReportSubmission(need.source().caseChannel(), communityCode,
				categoryCode, kind, need.content(), null, null, null, null, need.residentName(), need.residentPhone(),
				List.of(), null, null, null, null), who);
		int changed = jdbc.sql("""
				UPDATE need SET report_id = ?, report_tracking_code = ?, status = 'IN_PROGRESS', updated_at = ?,
				    version = version + 1
				WHERE id = ? AND version = ? AND report_id IS NULL""")
			.params(report.id(), report.trackingCode(), utc(clock.instant()), id, seenVersion)
			.update();
		if (changed != 1) {
			throw new OptimisticLockingFailureException("need " + id + " changed since it was read");
		}
		log.info("Need {} promoted to report {} ({})", id, report.id(), report.trackingCode());
		return get(id, who);
	}

	/** The case a promoted need became, to show where it stands. */
	@Transactional(readOnly = true)
	public Optional<CaseView> caseOf(Need need, StaffPrincipal who) {
		return need.reportId() == null ? Optional.empty() : cases.forReport(need.reportId(), who);
	}

	private Map<Long, String> communityNames(StaffPrincipal who) {
		Map<Long, String> names = new HashMap<>();
		regions.communities(who.scope()).forEach(community -> names.put(community.id(), community.name()));
		return names;
	}

	private static Need need(ResultSet rs, String communityName, LocalDate today) throws SQLException {
		NeedStatus status = NeedStatus.valueOf(rs.getString("status"));
		LocalDate deadline = rs.getObject("measure_deadline", LocalDate.class);
		return new Need(rs.getLong("id"), rs.getLong("community_id"), communityName,
				NeedKind.valueOf(rs.getString("kind")), NeedSource.valueOf(rs.getString("source")),
				rs.getString("content"), rs.getString("resident_name"), rs.getString("resident_phone"), status,
				rs.getString("rejection_reason"), rs.getString("measure"), rs.getString("measure_owner"), deadline,
				rs.getObject("report_id") == null ? null : rs.getLong("report_id"),
				rs.getString("report_tracking_code"), instant(rs, "received_at"), rs.getString("recorded_by"),
				rs.getLong("version"), deadline != null && status.isOpen() && today.isAfter(deadline));
	}

	/** Today in the platform's time zone, by the injected clock. */
	public LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), platform.timeZone());
	}

}
