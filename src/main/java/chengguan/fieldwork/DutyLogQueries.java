package chengguan.fieldwork;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import chengguan.platform.security.DataScope;

/** Duty logs as the office and the liaison look them up: a range of days, optionally one community, newest first. */
@Service
public class DutyLogQueries {

	private static final int PAGE = 200;

	/** One log as listed; {@code people} are the participants' names. */
	public record LogRow(long id, LocalDate date, LocalTime start, LocalTime end, String communityName,
			Set<WorkItem> items, String whatWasDone, String findings, String people, Integer checkinDistanceMeters,
			boolean farFromCommunity, Long findingReportId, String createdBy, List<String> photoIds) {

		public long minutes() {
			return java.time.Duration.between(start, end).toMinutes();
		}

	}

	private final JdbcClient jdbc;

	DutyLogQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public List<LogRow> list(DataScope scope, LocalDate from, LocalDate to, Long communityId, String createdBy) {
		List<LogRow> rows = jdbc.sql("""
				SELECT l.id, l.log_date, l.start_time, l.end_time, c.name, l.work_items, l.what_was_done, l.findings,
				       l.checkin_distance_m, l.far_from_community, l.finding_report_id, l.created_by, l.photo_ids
				FROM duty_log l JOIN region c ON c.id = l.community_id
				WHERE l.region_path LIKE ? AND l.log_date BETWEEN ? AND ?
				  AND (CAST(? AS BIGINT) IS NULL OR l.community_id = ?)
				  AND (CAST(? AS VARCHAR(64)) IS NULL OR l.created_by = ?)
				ORDER BY l.log_date DESC, l.start_time DESC, l.id DESC
				LIMIT\s""" + PAGE)
			.params(scope.pathPattern(), from, to, communityId, communityId, createdBy, createdBy)
			.query((rs, n) -> new LogRow(rs.getLong(1), rs.getObject(2, LocalDate.class),
					rs.getObject(3, LocalTime.class), rs.getObject(4, LocalTime.class), rs.getString(5),
					Arrays.stream(rs.getString(6).split(",")).map(WorkItem::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(WorkItem.class))),
					rs.getString(7), rs.getString(8), null, (Integer) rs.getObject(9, Integer.class), rs.getBoolean(10),
					(Long) rs.getObject(11, Long.class), rs.getString(12),
					rs.getString(13) == null ? List.of() : List.of(rs.getString(13).split(","))))
			.list();
		// the participants of all listed logs in one query, not one per log
		Map<Long, List<String>> people = new HashMap<>();
		if (!rows.isEmpty()) {
			jdbc.sql("SELECT log_id, name FROM duty_log_participant WHERE log_id IN (:ids) ORDER BY log_id, position")
				.param("ids", rows.stream().map(LogRow::id).toList())
				.query(rs -> {
					people.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
				});
		}
		return rows.stream()
			.map(row -> new LogRow(row.id(), row.date(), row.start(), row.end(), row.communityName(), row.items(),
					row.whatWasDone(), row.findings(), String.join("、", people.getOrDefault(row.id(), List.of())),
					row.checkinDistanceMeters(), row.farFromCommunity(), row.findingReportId(), row.createdBy(),
					row.photoIds()))
			.toList();
	}

}
