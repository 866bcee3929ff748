package chengguan.intake;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import chengguan.catalog.CategoryCache;
import chengguan.catalog.CategoryView;
import chengguan.organization.RegionCache;
import chengguan.organization.RegionLevel;
import chengguan.organization.RegionView;
import chengguan.platform.audit.AuditAction;
import chengguan.platform.audit.AuditLog;
import chengguan.platform.ratelimit.RateLimit;
import chengguan.platform.ratelimit.RateLimiter;
import chengguan.platform.security.ScopeGuard;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.storage.FileStorage;
import chengguan.platform.storage.ImageNormalizer;
import chengguan.platform.web.ConflictException;
import chengguan.platform.web.InvalidRequestException;
import chengguan.platform.web.NotFoundException;
import chengguan.platform.web.TooManyRequestsException;

import static chengguan.platform.persistence.DbTime.utc;

/**
 * Takes reports in from every channel, merges duplicates and records what the reporter sees. Residents' submissions
 * are rate-limited per address and per phone; a repeated idempotency key returns the first report instead of a
 * second one, so a double tap or a retry on a bad network makes one report.
 */
@Service
public class IntakeService {

	/** What the status page shows of a step's note at most (report_event.public_note). */
	private static final int MAX_PUBLIC_NOTE = 1200;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final RegionCache regions;

	private final CategoryCache categories;

	private final ImageNormalizer images;

	private final FileStorage files;

	private final RateLimiter rateLimiter;

	private final DuplicateFinder duplicates;

	private final ScopeGuard scopeGuard;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final IntakeProperties settings;

	private final Clock clock;

	IntakeService(JdbcClient jdbc, TransactionTemplate transactions, RegionCache regions,
			CategoryCache categories, ImageNormalizer images, FileStorage files, RateLimiter rateLimiter,
			DuplicateFinder duplicates, ScopeGuard scopeGuard, AuditLog auditLog, ApplicationEventPublisher events,
			IntakeProperties settings, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.regions = regions;
		this.categories = categories;
		this.images = images;
		this.files = files;
		this.rateLimiter = rateLimiter;
		this.duplicates = duplicates;
		this.scopeGuard = scopeGuard;
		this.auditLog = auditLog;
		this.events = events;
		this.settings = settings;
		this.clock = clock;
	}

	/** A resident's report (QR page or public API): rate-limited, idempotent, no sign-in. */
	public SubmittedReport submitFromResident(ReportSubmission submission) {
		if (!submission.channel().isPublic()) {
			throw new IllegalArgumentException("Residents report through the QR page or the API, not " + submission.channel());
		}
		// a replay (same idempotency key) is recognised inside the report's transaction, after the limits: it costs
		// one token, which a retrying phone can afford, instead of a statement and a transaction for every report
		String phone = SubmissionRules.phone(submission.reporterPhone());
		if (submission.clientIp() != null) {
			requireWithinLimit("report:ip:" + submission.clientIp(), settings.reportsPerIp());
		}
		if (phone != null) {
			requireWithinLimit("report:phone:" + phone, settings.reportsPerPhone());
		}
		return store(submission, null);
	}

	/** A report a staff member records (现场接访, 电话, 巡查, 网格, 居委会/物业, 吹哨) for a community in their scope. */
	public SubmittedReport submitFromStaff(ReportSubmission submission, StaffPrincipal who) {
		if (!Channel.staffRecorded().contains(submission.channel())) {
			throw new InvalidRequestException("report.channel.notStaff");
		}
		return store(submission, who);
	}

	/**
	 * A report that happened elsewhere first: an imported 12345 work order or a migrated one, keeping its own
	 * received time. The caller has checked scope; a known external id is refused by the database.
	 */
	public SubmittedReport importWorkOrder(ReportSubmission submission, String importedBy) {
		return store(submission, null, importedBy, new Lookups());
	}

	/** The same, with places and categories looked up once for a whole batch. */
	SubmittedReport importWorkOrder(ReportSubmission submission, String importedBy, Lookups lookups) {
		return store(submission, null, importedBy, lookups);
	}

	/** Places and categories already looked up, for checking many submissions in a row (one import batch). */
	static final class Lookups {

		private final java.util.Map<String, Place> places = new java.util.HashMap<>();

		private final java.util.Map<String, CategoryView> categories = new java.util.HashMap<>();

	}

	private SubmittedReport store(ReportSubmission submission, StaffPrincipal who) {
		return store(submission, who, who == null ? null : who.username(), new Lookups());
	}

	/** A submission that passed every check, with its text cleaned and its place and category looked up. */
	record Checked(ReportSubmission submission, Place place, CategoryView category, String description,
			BigDecimal[] position, String address, String name, String phone, String idempotencyKey) {
	}

	/** Runs every check of a submission without storing anything (also used by the 12345 import preview). */
	Checked check(ReportSubmission submission, Lookups lookups) {
		Place place = submission.regionCode() == null ? place(null)
				: lookups.places.computeIfAbsent(submission.regionCode().strip(), this::place);
		CategoryView category = submission.categoryCode() == null ? category(null)
				: lookups.categories.computeIfAbsent(submission.categoryCode().strip(), this::category);
		if (submission.kind() == null) {
			throw new InvalidRequestException("report.kind.required");
		}
		String description = SubmissionRules.description(submission.description(), settings.maxDescriptionLength());
		BigDecimal[] position = SubmissionRules.position(submission.latitude(), submission.longitude());
		String address = SubmissionRules.address(submission.address());
		String name = SubmissionRules.name(submission.reporterName());
		String phone = SubmissionRules.phone(submission.reporterPhone());
		String key = storedKey(submission.channel(), SubmissionRules.idempotencyKey(submission.idempotencyKey()));
		if (submission.photos().size() > settings.maxPhotos()) {
			throw new InvalidRequestException("report.photos.tooMany", settings.maxPhotos());
		}
		return new Checked(submission, place, category, description, position, address, name, phone, key);
	}

	private SubmittedReport store(ReportSubmission submission, StaffPrincipal who, String receivedBy,
			Lookups lookups) {
		Checked checked = check(submission, lookups);
		if (who != null) {
			scopeGuard.requireCovers(who, checked.place().region().path(), "region", checked.place().region().id());
		}
		// decode and re-encode before the transaction: the slow part holds no connection
		List<byte[]> photos = submission.photos().stream().map(images::normalize).toList();
		Instant receivedAt = submission.receivedAt() != null ? submission.receivedAt() : clock.instant();
		String key = checked.idempotencyKey();
		// a tracking code is 50 random bits: a clash is rare enough to answer by trying again with another code
		for (int attempt = 1;; attempt++) {
			String trackingCode = TrackingCodes.next();
			try {
				return transactions.execute(status -> storeChecked(checked, who, receivedBy, photos, receivedAt,
						trackingCode));
			}
			catch (DuplicateKeyException ex) {
				// two copies of one request raced past the lookup: the loser answers with the winner's report
				Optional<SubmittedReport> winner = key == null ? Optional.empty() : findByIdempotencyKey(key);
				if (winner.isPresent()) {
					return winner.get();
				}
				if (attempt >= 3 || submission.externalId() != null) {
					throw ex;
				}
			}
		}
	}

	/**
	 * Everything a new report writes, in one transaction and few statements (issue 17: at most 8 without photos,
	 * the case included): the replay check, the duplicate search, the report, its first timeline entry, its
	 * duplicate candidates, and through {@link ReportReceived} the case and its first history entry. Regions and
	 * categories come from caches; the report's own values are not read back.
	 */
	private SubmittedReport storeChecked(Checked checked, StaffPrincipal who, String receivedBy, List<byte[]> photos,
			Instant receivedAt, String trackingCode) {
		ReportSubmission submission = checked.submission();
		if (checked.idempotencyKey() != null) {
			Optional<SubmittedReport> earlier = findByIdempotencyKey(checked.idempotencyKey());
			if (earlier.isPresent()) {
				return earlier.get();
			}
		}
		BigDecimal[] position = checked.position();
		List<DuplicateFinder.Candidate> candidates = duplicates.find(new DuplicateFinder.Subject(
				checked.category() == null ? null : checked.category().id(), checked.place().community().id(),
				position[0], position[1], checked.address(), receivedAt));
		long id = insertReport(checked, receivedAt, receivedBy, trackingCode, candidates.size());
		for (int i = 0; i < photos.size(); i++) {
			String fileId = files.store(photos.get(i), ImageNormalizer.OUTPUT_TYPE);
			jdbc.sql("INSERT INTO report_photo (report_id, photo_index, file_id) VALUES (?, ?, ?)")
				.params(id, i, fileId).update();
		}
		appendEvent(id, ReportEventType.RECEIVED, null, receivedBy, receivedAt);
		duplicates.record(id, candidates);
		if (who != null) {
			auditLog.record(AuditAction.REPORT_RECEIVED, "report", id,
					"channel=" + submission.channel() + " tracking=" + trackingCode);
		}
		events.publishEvent(new ReportReceived(id, trackingCode, submission.channel(),
				checked.place().community().id(), checked.place().region().path(),
				checked.category() == null ? null : checked.category().id(), receivedAt));
		return new SubmittedReport(id, trackingCode, candidates.size(), false);
	}

	private long insertReport(Checked checked, Instant receivedAt, String receivedBy, String trackingCode,
			int duplicateCandidates) {
		ReportSubmission submission = checked.submission();
		Place place = checked.place();
		BigDecimal[] position = checked.position();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO report (tracking_code, channel, kind, status, community_id, place_id, region_path,
				    category_id, description, latitude, longitude, geo_cell, location_accuracy_m, address,
				    reporter_name, reporter_phone, received_at, received_by, idempotency_key, external_source,
				    external_id, duplicate_candidates)
				VALUES (:trackingCode, :channel, :kind, 'PENDING', :communityId, :placeId, :regionPath,
				    :categoryId, :description, :latitude, :longitude, :geoCell, :accuracy, :address,
				    :name, :phone, :receivedAt, :receivedBy, :key, :externalSource,
				    :externalId, :duplicateCandidates)
				""")
			.param("trackingCode", trackingCode)
			.param("channel", submission.channel().name())
			.param("kind", submission.kind().name())
			.param("communityId", place.community().id())
			.param("placeId", place.region().id() == place.community().id() ? null : place.region().id())
			.param("regionPath", place.region().path())
			.param("categoryId", checked.category() == null ? null : checked.category().id())
			.param("description", checked.description())
			.param("latitude", position[0])
			.param("longitude", position[1])
			.param("geoCell", DuplicateFinder.cell(position[0], position[1]))
			.param("accuracy", SubmissionRules.accuracy(submission.locationAccuracyMeters()))
			.param("address", checked.address())
			.param("name", checked.name())
			.param("phone", checked.phone())
			.param("receivedAt", utc(receivedAt))
			.param("receivedBy", receivedBy)
			.param("key", checked.idempotencyKey())
			.param("externalSource", submission.externalId() == null ? null : submission.channel().name())
			.param("externalId", submission.externalId())
			.param("duplicateCandidates", duplicateCandidates)
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/**
	 * Residents' keys and staff's keys live apart ("r:" and "s:"), so a key typed into the public API can never
	 * collide with one the platform makes for a staff submission.
	 */
	private static String storedKey(Channel channel, String key) {
		return key == null ? null : (channel.isPublic() ? "r:" : "s:") + key;
	}

	private Optional<SubmittedReport> findByIdempotencyKey(String key) {
		return jdbc.sql("SELECT id, tracking_code, duplicate_candidates FROM report WHERE idempotency_key = ?")
			.param(key)
			.query((rs, n) -> new SubmittedReport(rs.getLong(1), rs.getString(2), rs.getInt(3), true))
			.optional();
	}

	private void requireWithinLimit(String bucket, RateLimit limit) {
		Duration wait = rateLimiter.tryConsume(bucket, limit);
		if (!wait.isZero()) {
			throw new TooManyRequestsException(wait);
		}
	}

	/** Rate-limits public look-ups (status page, rating) by client address. */
	public void requireLookupAllowed(String clientIp) {
		if (clientIp != null) {
			requireWithinLimit("lookup:ip:" + clientIp, settings.lookupsPerIp());
		}
	}

	/** The place a reporting URL names, or 404 if residents cannot report there (from the caches: no transaction). */
	public ReportingPlace reportingPlace(String regionCode) {
		Place place = place(regionCode);
		RegionView withPosition = place.region().latitude() != null ? place.region()
				: place.community().latitude() != null ? place.community() : place.street();
		return new ReportingPlace(place.region().code(), place.community().name(),
				place.street() == null ? null : place.street().name(),
				place.region().id() == place.community().id() ? null : place.region().name(),
				withPosition == null ? null : withPosition.latitude(),
				withPosition == null ? null : withPosition.longitude());
	}

	/** A community, or a compound or grid inside one, that residents may report from. */
	record Place(RegionView region, RegionView community, RegionView street) {
	}

	Place place(String regionCode) {
		if (regionCode == null || regionCode.isBlank()) {
			throw new InvalidRequestException("report.community.required");
		}
		RegionView region = regions.findByCode(regionCode.strip()).orElseThrow(NotFoundException::new);
		List<RegionView> lineage = regions.lineage(region);
		RegionView community = lineage.stream().filter(r -> r.level() == RegionLevel.COMMUNITY).findFirst()
			.orElseThrow(NotFoundException::new);
		RegionView street = lineage.stream().filter(r -> r.level() == RegionLevel.STREET).findFirst().orElse(null);
		return new Place(region, community, street);
	}

	private CategoryView category(String code) {
		if (code == null || code.isBlank()) {
			throw new InvalidRequestException("report.category.required");
		}
		return categories.findByCode(code.strip())
			.filter(CategoryView::reportable)
			.orElseThrow(() -> new InvalidRequestException("report.category.unknown"));
	}

	/**
	 * Merges a duplicate into the report that will be handled: the duplicate's reporter follows the primary's
	 * timeline from now on and hears its outcome. Reports already merged into the duplicate move along with it.
	 */
	@Transactional
	public void merge(long duplicateId, long primaryId, StaffPrincipal who) {
		if (duplicateId == primaryId) {
			throw new InvalidRequestException("report.merge.self");
		}
		ReportHeader duplicate = header(duplicateId, who);
		ReportHeader primary = header(primaryId, who);
		if (duplicate.status() != ReportStatus.PENDING || !primary.status().isOpen()) {
			throw new ConflictException("report.merge.notOpen");
		}
		int changed = jdbc.sql("""
				UPDATE report SET status = 'MERGED', merged_into_id = ?, version = version + 1
				WHERE id = ? AND status = 'PENDING' AND version = ?""")
			.params(primaryId, duplicateId, duplicate.version())
			.update();
		if (changed != 1) {
			throw new ConflictException("error.concurrentChange");
		}
		jdbc.sql("UPDATE report SET merged_into_id = ? WHERE merged_into_id = ?").params(primaryId, duplicateId).update();
		appendEvent(duplicateId, ReportEventType.MERGED, primary.trackingCode(), who.username(), clock.instant());
		auditLog.record(AuditAction.REPORT_MERGED, "report", duplicateId, "into=" + primaryId);
		events.publishEvent(new ReportMerged(duplicateId, primaryId, who.username()));
	}

	record ReportHeader(long id, String trackingCode, ReportStatus status, String regionPath, long version) {
	}

	ReportHeader header(long id, StaffPrincipal who) {
		ReportHeader header = jdbc.sql("SELECT id, tracking_code, status, region_path, version FROM report WHERE id = ?")
			.param(id)
			.query((rs, n) -> new ReportHeader(rs.getLong(1), rs.getString(2), ReportStatus.valueOf(rs.getString(3)),
					rs.getString(4), rs.getLong(5)))
			.optional()
			.orElseThrow(NotFoundException::new);
		scopeGuard.requireCovers(who, header.regionPath(), "report", id);
		return header;
	}

	/**
	 * A step of the handling that the reporter sees on the status page, with the report's new status. The case
	 * workflow calls this as a case moves on.
	 */
	@Transactional
	public void recordProgress(long reportId, ReportEventType type, ReportStatus newStatus, String publicNote,
			String actor) {
		// a reopened report will be rated again when it is closed again; the first rating stays on the timeline
		String clearRating = type == ReportEventType.REOPENED ? ", rating = NULL, rating_comment = NULL, rated_at = NULL"
				: "";
		int changed = jdbc.sql("UPDATE report SET status = ?, version = version + 1" + clearRating
				+ " WHERE id = ? AND status <> 'MERGED'")
			.params(newStatus.name(), reportId)
			.update();
		if (changed != 1) {
			throw new ConflictException("report.progress.notOpen");
		}
		appendEvent(reportId, type, publicNote, actor, clock.instant());
	}

	/** The reporter's rating of a closed report; one rating per report. */
	@Transactional
	public void rate(String trackingCode, Rating rating, String comment) {
		if (rating == null) {
			throw new InvalidRequestException("report.rating.required");
		}
		String cleanComment = comment == null || comment.isBlank() ? null : comment.strip();
		if (cleanComment != null && cleanComment.length() > 500) {
			throw new InvalidRequestException("report.rating.commentTooLong", 500);
		}
		String code = TrackingCodes.normalize(trackingCode);
		record Target(long id, ReportStatus status, Long mergedInto, String rating) {
		}
		Target target = jdbc.sql("SELECT id, status, merged_into_id, rating FROM report WHERE tracking_code = ?")
			.param(code)
			.query((rs, n) -> new Target(rs.getLong(1), ReportStatus.valueOf(rs.getString(2)),
					rs.getObject(3) == null ? null : rs.getLong(3), rs.getString(4)))
			.optional()
			.orElseThrow(NotFoundException::new);
		ReportStatus effective = target.mergedInto() == null ? target.status()
				: jdbc.sql("SELECT status FROM report WHERE id = ?").param(target.mergedInto())
					.query((rs, n) -> ReportStatus.valueOf(rs.getString(1))).single();
		if (effective != ReportStatus.CLOSED) {
			throw new ConflictException("report.rating.notClosed");
		}
		if (target.rating() != null) {
			throw new ConflictException("report.rating.alreadyRated");
		}
		Instant now = clock.instant();
		int changed = jdbc.sql("""
				UPDATE report SET rating = ?, rating_comment = ?, rated_at = ?, version = version + 1
				WHERE id = ? AND rating IS NULL""")
			.params(rating.name(), cleanComment, utc(now), target.id())
			.update();
		if (changed != 1) {
			throw new ConflictException("report.rating.alreadyRated");
		}
		appendEvent(target.id(), ReportEventType.RATED, null, null, now);
		events.publishEvent(new ReportRated(target.id(), code, rating, cleanComment));
	}

	/** Everyone who reported this problem: the report itself and all merged into it, for telling them the outcome. */
	@Transactional(readOnly = true)
	public List<String> reporterPhones(long reportId) {
		return new ArrayList<>(jdbc.sql("""
				SELECT DISTINCT reporter_phone FROM report
				WHERE (id = ? OR merged_into_id = ?) AND reporter_phone IS NOT NULL""")
			.params(reportId, reportId)
			.query(String.class)
			.list());
	}

	private void appendEvent(long reportId, ReportEventType type, String note, String actor, Instant at) {
		String shown = note != null && note.length() > MAX_PUBLIC_NOTE ? note.substring(0, MAX_PUBLIC_NOTE - 1) + "…" : note;
		jdbc.sql("INSERT INTO report_event (report_id, occurred_at, event_type, public_note, actor) VALUES (?, ?, ?, ?, ?)")
			.params(reportId, utc(at), type.name(), shown, actor)
			.update();
	}


}
