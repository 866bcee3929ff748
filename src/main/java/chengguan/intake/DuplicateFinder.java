package chengguan.intake;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import chengguan.platform.geo.GreatCircle;

/**
 * Finds open reports that probably describe the same problem as a new one: same category, received within the
 * window, and within the distance (a bounding box in SQL, then the great-circle distance). Without a position,
 * only a report with the same category, community and address counts.
 */
@Component
class DuplicateFinder {

	private static final double METERS_PER_DEGREE_LATITUDE = 111_320;

	private final JdbcClient jdbc;

	private final IntakeProperties settings;

	DuplicateFinder(JdbcClient jdbc, IntakeProperties settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	record Candidate(long id, Double latitude, Double longitude) {
	}

	/** Records the candidates of the new report; returns how many were found. */
	int flag(long reportId) {
		record Subject(Long categoryId, long communityId, Double latitude, Double longitude, String address,
				java.time.OffsetDateTime receivedAt) {
		}
		Subject subject = jdbc.sql("""
				SELECT category_id, community_id, latitude, longitude, address, received_at FROM report WHERE id = ?""")
			.param(reportId)
			.query((rs, n) -> new Subject((Long) rs.getObject(1, Long.class), rs.getLong(2),
					asDouble(rs.getBigDecimal(3)), asDouble(rs.getBigDecimal(4)), rs.getString(5),
					rs.getObject(6, java.time.OffsetDateTime.class)))
			.single();
		if (subject.categoryId() == null) {
			return 0;
		}
		var since = subject.receivedAt().minus(settings.duplicateWindow());
		List<Candidate> found;
		int distance = settings.duplicateDistanceMeters();
		if (subject.latitude() != null) {
			double latDelta = distance / METERS_PER_DEGREE_LATITUDE;
			double lngDelta = distance / (METERS_PER_DEGREE_LATITUDE * Math.cos(Math.toRadians(subject.latitude())));
			found = jdbc.sql("""
					SELECT id, latitude, longitude FROM report
					WHERE category_id = :category AND id <> :id AND status IN ('PENDING', 'IN_PROGRESS')
					  AND received_at >= :since AND received_at <= :until
					  AND latitude BETWEEN :minLat AND :maxLat AND longitude BETWEEN :minLng AND :maxLng
					ORDER BY received_at DESC
					LIMIT 200""")
				.param("category", subject.categoryId())
				.param("id", reportId)
				.param("since", since)
				.param("until", subject.receivedAt())
				.param("minLat", subject.latitude() - latDelta)
				.param("maxLat", subject.latitude() + latDelta)
				.param("minLng", subject.longitude() - lngDelta)
				.param("maxLng", subject.longitude() + lngDelta)
				.query((rs, n) -> new Candidate(rs.getLong(1), rs.getDouble(2), rs.getDouble(3)))
				.list()
				.stream()
				.filter(c -> GreatCircle.meters(subject.latitude(), subject.longitude(), c.latitude(), c.longitude()) <= distance)
				.limit(20)
				.toList();
		}
		else if (subject.address() != null) {
			found = jdbc.sql("""
					SELECT id, latitude, longitude FROM report
					WHERE category_id = :category AND id <> :id AND status IN ('PENDING', 'IN_PROGRESS')
					  AND received_at >= :since AND received_at <= :until
					  AND community_id = :community AND address = :address
					ORDER BY received_at DESC
					LIMIT 20""")
				.param("category", subject.categoryId())
				.param("id", reportId)
				.param("since", since)
				.param("until", subject.receivedAt())
				.param("community", subject.communityId())
				.param("address", subject.address())
				.query((rs, n) -> new Candidate(rs.getLong(1), null, null))
				.list();
		}
		else {
			return 0;
		}
		for (Candidate candidate : found) {
			int apart = candidate.latitude() == null || subject.latitude() == null ? 0 : (int) Math.round(
					GreatCircle.meters(subject.latitude(), subject.longitude(), candidate.latitude(), candidate.longitude()));
			jdbc.sql("INSERT INTO report_duplicate (report_id, candidate_id, distance_m) VALUES (?, ?, ?)")
				.params(reportId, candidate.id(), apart)
				.update();
		}
		if (!found.isEmpty()) {
			jdbc.sql("UPDATE report SET duplicate_candidates = ? WHERE id = ?").params(found.size(), reportId).update();
		}
		return found.size();
	}

	private static Double asDouble(java.math.BigDecimal value) {
		return value == null ? null : value.doubleValue();
	}


}
