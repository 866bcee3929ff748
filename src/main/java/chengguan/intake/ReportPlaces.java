package chengguan.intake;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static chengguan.platform.persistence.DbTime.utc;

/**
 * The places of the reports received below a region in a time range (merged duplicates left out, since their
 * original is counted), for hot-spot analysis. Callers check the region is in scope; the range should be short (a
 * month), as every report in it is read.
 */
@Service
@Transactional(readOnly = true)
public class ReportPlaces {

	private final JdbcClient jdbc;

	ReportPlaces(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<ReportPlace> received(String regionPath, Instant from, Instant until) {
		return jdbc.sql("""
				SELECT id, kind, address, latitude, longitude, description FROM report
				WHERE region_path LIKE ? AND received_at >= ? AND received_at < ? AND merged_into_id IS NULL
				ORDER BY received_at, id""")
			.params(regionPath + "%", utc(from), utc(until))
			.query((rs, n) -> new ReportPlace(rs.getLong(1), ReportKind.valueOf(rs.getString(2)), rs.getString(3),
					rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getString(6)))
			.list();
	}

}
