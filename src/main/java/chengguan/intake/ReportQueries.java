package chengguan.intake;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import chengguan.catalog.CategoryService;
import chengguan.catalog.CategoryView;
import chengguan.organization.RegionLevel;
import chengguan.organization.RegionService;
import chengguan.organization.RegionView;
import chengguan.platform.persistence.LikePattern;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.storage.FileStorage;
import chengguan.platform.storage.StoredFile;
import chengguan.platform.web.NotFoundException;
import static chengguan.platform.persistence.DbTime.instant;
import static chengguan.platform.persistence.DbTime.utc;

/** Reads of reports: the public status by tracking code, and staff lists and details within their scope. */
@Service
@Transactional(readOnly = true)
public class ReportQueries {

	private static final String ROW_COLUMNS = """
			id, tracking_code, channel, kind, status, community_id, category_id, description, received_at,
			duplicate_candidates, reporter_phone""";

	private final JdbcClient jdbc;

	private final RegionService regions;

	private final CategoryService categories;

	private final IntakeService intake;

	private final FileStorage files;

	ReportQueries(JdbcClient jdbc, RegionService regions, CategoryService categories, IntakeService intake,
			FileStorage files) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.categories = categories;
		this.intake = intake;
		this.files = files;
	}

	public Optional<PublicReportStatus> publicStatus(String typedCode) {
		String code = TrackingCodes.normalize(typedCode);
		if (!TrackingCodes.isWellFormed(code)) {
			return Optional.empty();
		}
		record Found(long id, ReportStatus status, Long mergedInto, ReportKind kind, Channel channel, Long categoryId,
				long communityId, String description, String address, Instant receivedAt, String rating) {
		}
		return jdbc.sql("""
				SELECT id, status, merged_into_id, kind, channel, category_id, community_id, description, address,
				       received_at, rating
				FROM report WHERE tracking_code = ?""")
			.param(code)
			.query((rs, n) -> new Found(rs.getLong(1), ReportStatus.valueOf(rs.getString(2)), nullableLong(rs, 3),
					ReportKind.valueOf(rs.getString(4)), Channel.valueOf(rs.getString(5)), nullableLong(rs, 6),
					rs.getLong(7), rs.getString(8), rs.getString(9), instant(rs, 10), rs.getString(11)))
			.optional()
			.map(found -> {
				ReportStatus shown = found.mergedInto() == null ? found.status() : jdbc
					.sql("SELECT status FROM report WHERE id = ?")
					.param(found.mergedInto())
					.query((rs, n) -> ReportStatus.valueOf(rs.getString(1)))
					.single();
				Names names = new Names();
				RegionView community = names.region(found.communityId());
				return new PublicReportStatus(code, shown, found.mergedInto() != null, found.kind(), found.channel(),
						names.category(found.categoryId()), community.name(), names.streetOf(community),
						found.description(), found.address(), found.receivedAt(),
						found.rating() == null ? null : Rating.valueOf(found.rating()),
						timeline(found.id(), found.mergedInto()));
			});
	}

	/**
	 * The report's own steps, then, once merged, the steps the report it was merged into took after the merge
	 * (event ids, not times, decide "after": two steps may share a timestamp).
	 */
	private List<TimelineEntry> timeline(long reportId, Long mergedInto) {
		List<Event> own = events(reportId);
		List<TimelineEntry> entries = new ArrayList<>(own.stream().map(e -> e.entry(false)).toList());
		if (mergedInto != null) {
			long mergedAt = own.stream()
				.filter(e -> e.type() == ReportEventType.MERGED)
				.mapToLong(Event::id)
				.max()
				.orElse(Long.MAX_VALUE);
			events(mergedInto).stream()
				.filter(e -> e.id() > mergedAt && e.type() != ReportEventType.RATED)
				.forEach(e -> entries.add(e.entry(true)));
		}
		return entries;
	}

	private record Event(long id, Instant occurredAt, ReportEventType type, String note) {

		TimelineEntry entry(boolean fromMerged) {
			return new TimelineEntry(occurredAt, type, note, fromMerged);
		}

	}

	private List<Event> events(long reportId) {
		return jdbc.sql("""
				SELECT id, occurred_at, event_type, public_note FROM report_event WHERE report_id = ?
				ORDER BY id""")
			.param(reportId)
			.query((rs, n) -> new Event(rs.getLong(1), instant(rs, 2), ReportEventType.valueOf(rs.getString(3)),
					rs.getString(4)))
			.list();
	}

	public List<ReportRow> list(ReportQuery query, StaffPrincipal who) {
		StringBuilder sql = new StringBuilder("SELECT " + ROW_COLUMNS + " FROM report WHERE region_path LIKE :scope");
		Map<String, Object> params = new HashMap<>();
		params.put("scope", who.scope().pathPattern());
		if (query.status() != null) {
			sql.append(" AND status = :status");
			params.put("status", query.status().name());
		}
		if (query.channel() != null) {
			sql.append(" AND channel = :channel");
			params.put("channel", query.channel().name());
		}
		if (query.communityId() != null) {
			sql.append(" AND community_id = :community");
			params.put("community", query.communityId());
		}
		if (query.text() != null) {
			sql.append(" AND (tracking_code = :code OR LOWER(description) LIKE :text ESCAPE '\\'"
					+ " OR LOWER(address) LIKE :text ESCAPE '\\')");
			params.put("code", TrackingCodes.normalize(query.text()));
			params.put("text", LikePattern.containing(query.text().toLowerCase(java.util.Locale.ROOT)));
		}
		sql.append(" ORDER BY received_at DESC, id DESC LIMIT ").append(ReportQuery.PAGE_SIZE + 1)
			.append(" OFFSET ").append((long) query.page() * ReportQuery.PAGE_SIZE);
		// one statement per page: the names come joined in, not looked up per row
		return jdbc.sql("SELECT r.*, reg.name AS community_name, cat.name AS category_name FROM (" + sql + """
				) r
				JOIN region reg ON reg.id = r.community_id
				LEFT JOIN category cat ON cat.id = r.category_id
				ORDER BY r.received_at DESC, r.id DESC""")
			.params(params)
			.query((rs, n) -> new ReportRow(rs.getLong("id"), rs.getString("tracking_code"),
					Channel.valueOf(rs.getString("channel")), ReportKind.valueOf(rs.getString("kind")),
					ReportStatus.valueOf(rs.getString("status")), rs.getString("community_name"),
					rs.getString("category_name"), rs.getString("description"), instant(rs, "received_at"),
					rs.getInt("duplicate_candidates"), rs.getString("reporter_phone")))
			.list();
	}

	public ReportDetails details(long id, StaffPrincipal who) {
		intake.header(id, who);
		Names names = new Names();
		record Extra(Long placeId, String address, BigDecimal lat, BigDecimal lng, Integer accuracy, String name,
				String receivedBy, String externalId, Long mergedInto, String rating, String ratingComment) {
		}
		ReportRow row = jdbc.sql("SELECT " + ROW_COLUMNS + " FROM report WHERE id = ?").param(id)
			.query((rs, n) -> row(rs, names)).single();
		Extra extra = jdbc.sql("""
				SELECT place_id, address, latitude, longitude, location_accuracy_m, reporter_name, received_by,
				       external_id, merged_into_id, rating, rating_comment
				FROM report WHERE id = ?""")
			.param(id)
			.query((rs, n) -> new Extra(nullableLong(rs, 1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
					(Integer) rs.getObject(5, Integer.class), rs.getString(6), rs.getString(7), rs.getString(8),
					nullableLong(rs, 9), rs.getString(10), rs.getString(11)))
			.single();
		String mergedIntoCode = extra.mergedInto() == null ? null : jdbc
			.sql("SELECT tracking_code FROM report WHERE id = ?").param(extra.mergedInto()).query(String.class).single();
		int photos = jdbc.sql("SELECT COUNT(*) FROM report_photo WHERE report_id = ?").param(id)
			.query(Integer.class).single();
		List<ReportDetails.DuplicateCandidate> candidates = jdbc.sql("""
				SELECT r.id, r.tracking_code, r.status, d.distance_m, r.description, r.received_at
				FROM report_duplicate d JOIN report r ON r.id = d.candidate_id
				WHERE d.report_id = ? AND r.region_path LIKE ?
				ORDER BY d.distance_m, r.received_at DESC""")
			.params(id, who.scope().pathPattern())
			.query((rs, n) -> new ReportDetails.DuplicateCandidate(rs.getLong(1), rs.getString(2),
					ReportStatus.valueOf(rs.getString(3)), rs.getInt(4), rs.getString(5), instant(rs, 6)))
			.list();
		RegionView community = names.region(communityIdOf(id));
		return new ReportDetails(row, names.streetOf(community),
				extra.placeId() == null ? null : names.region(extra.placeId()).name(), extra.address(), extra.lat(),
				extra.lng(), extra.accuracy(), extra.name(), extra.receivedBy(), extra.externalId(), mergedIntoCode,
				extra.mergedInto(), photos, extra.rating() == null ? null : Rating.valueOf(extra.rating()),
				extra.ratingComment(), timeline(id, extra.mergedInto()), candidates);
	}

	/** A photo of a report in the person's scope. */
	public StoredFile photo(long reportId, int index, StaffPrincipal who) {
		intake.header(reportId, who);
		return jdbc.sql("SELECT file_id FROM report_photo WHERE report_id = ? AND photo_index = ?")
			.params(reportId, index)
			.query(String.class)
			.optional()
			.flatMap(files::load)
			.orElseThrow(NotFoundException::new);
	}

	private long communityIdOf(long id) {
		return jdbc.sql("SELECT community_id FROM report WHERE id = ?").param(id).query(Long.class).single();
	}

	private static ReportRow row(ResultSet rs, Names names) throws SQLException {
		return new ReportRow(rs.getLong("id"), rs.getString("tracking_code"), Channel.valueOf(rs.getString("channel")),
				ReportKind.valueOf(rs.getString("kind")), ReportStatus.valueOf(rs.getString("status")),
				names.region(rs.getLong("community_id")).name(), names.category(nullableLong(rs, "category_id")),
				rs.getString("description"), instant(rs, "received_at"), rs.getInt("duplicate_candidates"),
				rs.getString("reporter_phone"));
	}

	/** Names of regions and categories, looked up through their modules once per request. */
	private final class Names {

		private final Map<Long, RegionView> regionsById = new HashMap<>();

		private final Map<Long, String> categoriesById = new HashMap<>();

		RegionView region(long id) {
			return regionsById.computeIfAbsent(id, key -> regions.find(key).orElseThrow());
		}

		String category(Long id) {
			if (id == null) {
				return null;
			}
			return categoriesById.computeIfAbsent(id, key -> categories.find(key).map(CategoryView::name).orElse(null));
		}

		String streetOf(RegionView community) {
			return regions.lineage(community).stream()
				.filter(r -> r.level() == RegionLevel.STREET)
				.map(RegionView::name)
				.findFirst()
				.orElse(null);
		}

	}

	/**
	 * Reports per reporter phone received in [from, until), for crediting citizen supervisors and volunteers with
	 * what they reported. Phones are matched as stored: digits only, as the reporting rules leave them.
	 */
	public Map<String, ReporterCounts> countsByReporterPhone(Collection<String> phones, Instant from,
			Instant until) {
		Map<String, ReporterCounts> counts = new HashMap<>();
		List<String> distinct = phones.stream().filter(Objects::nonNull).distinct().toList();
		// a bounded IN list per query: a long one is slow to plan on PostgreSQL and has limits elsewhere
		for (int start = 0; start < distinct.size(); start += 500) {
			jdbc.sql("""
					SELECT reporter_phone, COUNT(*), SUM(CASE WHEN kind = 'SUGGESTION' THEN 1 ELSE 0 END) FROM report
					WHERE reporter_phone IN (:phones) AND received_at >= :from AND received_at < :until
					GROUP BY reporter_phone""")
				.param("phones", distinct.subList(start, Math.min(start + 500, distinct.size())))
				.param("from", utc(from))
				.param("until", utc(until))
				.query(rs -> {
					counts.put(rs.getString(1), new ReporterCounts(rs.getInt(2), rs.getInt(3)));
				});
		}
		return counts;
	}

	/** The positions of those of these reports that have one (at most a few thousand ids at a time). */
	public List<ReportPosition> positions(java.util.Collection<Long> reportIds) {
		if (reportIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT id, latitude, longitude FROM report
				WHERE id IN (:ids) AND latitude IS NOT NULL AND longitude IS NOT NULL""")
			.param("ids", reportIds)
			.query((rs, n) -> new ReportPosition(rs.getLong(1), rs.getBigDecimal(2), rs.getBigDecimal(3)))
			.list();
	}

	private static Long nullableLong(ResultSet rs, int column) throws SQLException {
		return rs.getObject(column, Long.class);
	}

	private static Long nullableLong(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, Long.class);
	}



}
