package chengguan.intake;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import chengguan.platform.geo.GreatCircle;

import static chengguan.platform.persistence.DbTime.utc;

/**
 * Finds open reports that probably describe the same problem as a new one: same category, received within the
 * window, and within the distance. With a position, only the new report's grid cell and its neighbours are read
 * (the indexed {@code report.geo_cell}), then the great-circle distance decides; without one, only a report with
 * the same category, community and address counts. Both reads are bounded, and at most
 * {@link #MAX_CANDIDATES} candidates are kept: staff merge the nearest few, a longer list helps nobody.
 */
@Component
class DuplicateFinder {

	/** Candidates recorded per report. */
	static final int MAX_CANDIDATES = 5;

	/** Rows read per report: the cells are small, so more than this in range means a hot spot, newest first. */
	private static final int MAX_ROWS_READ = 50;

	/** Grid cell edges in degrees, as numbered in migration V24: 0.001° of latitude, 0.002° of longitude. */
	private static final int ROWS_PER_DEGREE = 1000;

	private static final int COLUMNS_PER_DEGREE = 500;

	private static final long ROW_STRIDE = 1_000_000L;

	private static final double CELL_HEIGHT_METERS = 111_320.0 / ROWS_PER_DEGREE;

	private final JdbcClient jdbc;

	private final IntakeProperties settings;

	DuplicateFinder(JdbcClient jdbc, IntakeProperties settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	/** What the new report is about and where; nothing is read back from the database. */
	record Subject(Long categoryId, long communityId, BigDecimal latitude, BigDecimal longitude, String address,
			Instant receivedAt) {
	}

	record Candidate(long id, int distanceMeters) {
	}

	/** The grid cell of a position, or null without one. */
	static Long cell(BigDecimal latitude, BigDecimal longitude) {
		if (latitude == null || longitude == null) {
			return null;
		}
		long row = latitude.multiply(BigDecimal.valueOf(ROWS_PER_DEGREE)).setScale(0, RoundingMode.FLOOR).longValueExact();
		long column = longitude.multiply(BigDecimal.valueOf(COLUMNS_PER_DEGREE)).setScale(0, RoundingMode.FLOOR)
			.longValueExact();
		return row * ROW_STRIDE + column;
	}

	/** The likely duplicates of a report about to be stored: one bounded query. */
	List<Candidate> find(Subject subject) {
		if (subject.categoryId() == null) {
			return List.of();
		}
		Instant since = subject.receivedAt().minus(settings.duplicateWindow());
		Long cell = cell(subject.latitude(), subject.longitude());
		if (cell != null) {
			return near(subject, cell, since);
		}
		if (subject.address() != null) {
			return jdbc.sql("""
					SELECT id FROM report
					WHERE community_id = :community AND category_id = :category AND address = :address
					  AND status IN ('PENDING', 'IN_PROGRESS') AND received_at >= :since AND received_at <= :until
					ORDER BY received_at DESC
					LIMIT :limit""")
				.param("category", subject.categoryId())
				.param("since", utc(since))
				.param("until", utc(subject.receivedAt()))
				.param("community", subject.communityId())
				.param("address", subject.address())
				.param("limit", MAX_CANDIDATES)
				.query((rs, n) -> new Candidate(rs.getLong(1), 0))
				.list();
		}
		return List.of();
	}

	private List<Candidate> near(Subject subject, long cell, Instant since) {
		int distance = settings.duplicateDistanceMeters();
		// the cells are at least CELL_HEIGHT_METERS on every side (below 60° north), so this many around suffice
		int reach = (int) Math.ceil(distance / CELL_HEIGHT_METERS);
		long row = Math.floorDiv(cell + ROW_STRIDE / 2, ROW_STRIDE);
		long column = cell - row * ROW_STRIDE;
		// one range of cells per grid row; the bounds are parameters, so the statement's text (and its plan, prepared
		// once per connection) is the same for every report
		StringJoiner cells = new StringJoiner(" OR ", "(", ")");
		java.util.Map<String, Object> bounds = new java.util.HashMap<>();
		for (long r = row - reach; r <= row + reach; r++) {
			long first = r * ROW_STRIDE + column - reach;
			int n = bounds.size() / 2;
			cells.add("geo_cell BETWEEN :from" + n + " AND :to" + n);
			bounds.put("from" + n, first);
			bounds.put("to" + n, first + 2L * reach);
		}
		List<Candidate> found = new ArrayList<>();
		double lat = subject.latitude().doubleValue();
		double lng = subject.longitude().doubleValue();
		jdbc.sql("""
				SELECT id, latitude, longitude FROM report
				WHERE category_id = :category AND %s
				  AND received_at >= :since AND received_at <= :until AND status IN ('PENDING', 'IN_PROGRESS')
				ORDER BY received_at DESC
				LIMIT :limit""".formatted(cells))
			.params(bounds)
			.param("category", subject.categoryId())
			.param("since", utc(since))
			.param("until", utc(subject.receivedAt()))
			.param("limit", MAX_ROWS_READ)
			.query(rs -> {
				double apart = GreatCircle.meters(lat, lng, rs.getDouble(2), rs.getDouble(3));
				if (apart <= distance && found.size() < MAX_CANDIDATES) {
					found.add(new Candidate(rs.getLong(1), (int) Math.round(apart)));
				}
			});
		return found;
	}

	/** Records the candidates of the stored report in one statement. */
	void record(long reportId, List<Candidate> candidates) {
		if (candidates.isEmpty()) {
			return;
		}
		StringJoiner rows = new StringJoiner(", ");
		List<Object> params = new ArrayList<>();
		for (Candidate candidate : candidates) {
			rows.add("(?, ?, ?)");
			params.add(reportId);
			params.add(candidate.id());
			params.add(candidate.distanceMeters());
		}
		jdbc.sql("INSERT INTO report_duplicate (report_id, candidate_id, distance_m) VALUES " + rows).params(params)
			.update();
	}

}
