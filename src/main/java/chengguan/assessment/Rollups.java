package chengguan.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import chengguan.cases.CaseChange;
import chengguan.cases.CaseFact;
import chengguan.cases.CaseFacts;
import chengguan.cases.CaseState;
import chengguan.intake.Channel;
import chengguan.intake.ReportPosition;
import chengguan.intake.ReportQueries;
import chengguan.platform.PlatformProperties;

import static chengguan.platform.persistence.DbTime.utc;

/**
 * Keeps the per-case facts and the rollups the dashboard reads up to date. The scheduled refresh takes the case
 * history entries after its watermark, recomputes the facts of the cases they belong to, and then recomputes the
 * rollups of just the (month, place) groups those cases fall in: never a scan of all cases. {@link #rebuild()}
 * recomputes everything in bulk, for a backfill or after a change of the rules.
 *
 * <p>History ids are handed out in time order but committed in any order, so an entry may become visible after one
 * with a higher id. The watermark therefore only moves past entries older than the settle time; newer ones are
 * looked at again on the next run, which is harmless because recomputing a case's facts is idempotent.
 */
@Service
public class Rollups {

	/**
	 * @param refreshInterval how often the scheduled refresh runs; the dashboard's figures are at most this old
	 * @param settleTime how long a case step's transaction may take at most to commit
	 */
	@ConfigurationProperties("chengguan.assessment")
	public record Settings(Duration refreshInterval, Duration settleTime) {

		public Settings {
			refreshInterval = refreshInterval == null ? Duration.ofMinutes(1) : refreshInterval;
			settleTime = settleTime == null ? Duration.ofMinutes(5) : settleTime;
		}

	}

	private static final Logger log = LoggerFactory.getLogger(Rollups.class);

	/** Cases per batch: their ids go into IN lists, so keep it well under the drivers' parameter limits. */
	static final int BATCH = 2000;

	/** Map cells of 0.002° (about 200 m north–south) for the heat map. */
	static final BigDecimal CELL_DEGREES = new BigDecimal("0.002");

	/** Where residents bring problems to the community themselves, rather than to the 12345 hotline. */
	static final Set<String> RESIDENT_LOCAL = EnumSet
		.of(Channel.QR_CODE, Channel.API, Channel.PHONE, Channel.WALK_IN, Channel.COMMUNITY_BODY, Channel.WHISTLE)
		.stream()
		.map(Enum::name)
		.collect(Collectors.toUnmodifiableSet());

	private static final String FACT_COLUMNS = """
			case_id, report_id, region_path, community_id, category_id, channel, assignee_unit_id, assignee_staff_id,
			state, received_at, received_on, received_month, counted, closed, closed_on_time, reworked, rated, satisfied,
			accept_measured, accepted_on_time, resident_local, hotline, response_seconds, response_bucket,
			handling_seconds, handling_bucket, cell_lat, cell_lng, open_due_at, extended, unrated, archived_by_staff,
			excluded, late_whistles""";

	private static final String INSERT_FACT = "INSERT INTO assessment_case_fact (" + FACT_COLUMNS + ") VALUES ("
			+ String.join(", ", java.util.Collections.nCopies(34, "?")) + ")";

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final CaseFacts caseFacts;

	private final ReportQueries reports;

	private final PlatformProperties platform;

	private final Settings settings;

	private final Clock clock;

	private final TransactionTemplate transactions;

	Rollups(JdbcClient jdbc, JdbcTemplate batch, CaseFacts caseFacts, ReportQueries reports,
			PlatformProperties platform, Settings settings, Clock clock, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.caseFacts = caseFacts;
		this.reports = reports;
		this.platform = platform;
		this.settings = settings;
		this.clock = clock;
		this.transactions = transactions;
	}

	@Scheduled(fixedDelayString = "${chengguan.assessment.refresh-interval:PT1M}", initialDelayString = "PT20S")
	@SchedulerLock(name = "assessment-refresh", lockAtMostFor = "PT10M")
	void scheduled() {
		refresh();
	}

	/**
	 * Applies the cases changed since the watermark, a batch at a time, each batch in its own transaction.
	 * @return how many cases' facts were recomputed
	 */
	public int refresh() {
		int total = 0;
		while (true) {
			Batch done = transactions.execute(status -> refreshBatch());
			total += done.cases();
			if (!done.more()) {
				return total;
			}
		}
	}

	private record Batch(int cases, boolean more) {
	}

	private Batch refreshBatch() {
		long watermark = lockWatermark();
		Instant now = clock.instant();
		List<CaseChange> changes = caseFacts.changesAfter(watermark, BATCH);
		Set<Long> caseIds = changes.stream().map(CaseChange::caseId).collect(Collectors.toCollection(LinkedHashSet::new));
		apply(caseIds, now);
		Instant settled = now.minus(settings.settleTime());
		long newWatermark = watermark;
		for (CaseChange change : changes) {
			if (change.occurredAt().isAfter(settled)) {
				break;
			}
			newWatermark = change.historyId();
		}
		jdbc.sql("UPDATE assessment_refresh SET history_watermark = ?, refreshed_at = ? WHERE id = 1")
			.params(newWatermark, utc(now))
			.update();
		boolean more = changes.size() == BATCH && newWatermark == changes.get(changes.size() - 1).historyId();
		return new Batch(caseIds.size(), more);
	}

	/** Recomputes these cases' facts and the rollups of every group they were or are in. */
	private void apply(Set<Long> caseIds, Instant now) {
		if (caseIds.isEmpty()) {
			return;
		}
		record Group(LocalDate month, String path) {
		}
		Set<Group> groups = new LinkedHashSet<>(jdbc.sql("""
				SELECT DISTINCT received_month, region_path FROM assessment_case_fact WHERE case_id IN (:ids)""")
			.param("ids", caseIds)
			.query((rs, n) -> new Group(rs.getObject(1, LocalDate.class), rs.getString(2)))
			.list());
		jdbc.sql("DELETE FROM assessment_case_fact WHERE case_id IN (:ids)").param("ids", caseIds).update();
		List<Object[]> rows = rows(caseFacts.facts(caseIds));
		batch.batchUpdate(INSERT_FACT, rows);
		for (Object[] row : rows) {
			groups.add(new Group((LocalDate) row[11], (String) row[2]));
		}
		for (Group group : groups) {
			recompute(group.month(), group.path());
		}
	}

	/** Recomputes one place's rollups of one month: the month's rows, its days' rows and its heat cells. */
	private void recompute(LocalDate month, String path) {
		String where = "received_month = :month AND region_path = :path";
		jdbc.sql("DELETE FROM assessment_rollup WHERE period_kind = 'MONTH' AND period_start = :month AND region_path = :path")
			.param("month", month)
			.param("path", path)
			.update();
		jdbc.sql("""
				DELETE FROM assessment_rollup
				WHERE period_kind = 'DAY' AND period_start >= :month AND period_start < :next AND region_path = :path""")
			.param("month", month)
			.param("next", month.plusMonths(1))
			.param("path", path)
			.update();
		jdbc.sql("DELETE FROM assessment_heat_cell WHERE period_start = :month AND region_path = :path")
			.param("month", month)
			.param("path", path)
			.update();
		for (String insert : inserts(where)) {
			jdbc.sql(insert).param("month", month).param("path", path).update();
		}
	}

	/**
	 * Recomputes all facts and rollups from the cases, in one transaction (readers see the old figures until it
	 * commits). Cases are read a batch at a time; the rollups are then summed by SQL.
	 * @return how many cases there are
	 */
	public int rebuild() {
		Integer cases = transactions.execute(status -> {
			lockWatermark();
			Instant now = clock.instant();
			long watermark = caseFacts.lastHistoryId();
			jdbc.sql("DELETE FROM assessment_heat_cell").update();
			jdbc.sql("DELETE FROM assessment_rollup").update();
			jdbc.sql("DELETE FROM assessment_case_fact").update();
			long last = caseFacts.lastCaseId();
			int count = 0;
			for (long after = 0; after < last; after += BATCH) {
				List<Object[]> rows = rows(caseFacts.factsAfter(after, BATCH));
				batch.batchUpdate(INSERT_FACT, rows);
				count += rows.size();
			}
			for (String insert : inserts("1 = 1")) {
				jdbc.sql(insert).update();
			}
			jdbc.sql("UPDATE assessment_refresh SET history_watermark = ?, refreshed_at = ?, rebuilt_at = ? WHERE id = 1")
				.params(watermark, utc(now), utc(now))
				.update();
			return count;
		});
		analyze();
		log.info("Assessment rollups rebuilt from {} cases", cases);
		return cases;
	}

	/**
	 * After a rebuild every row is new and the old ones dead: fresh statistics keep PostgreSQL's planner on the
	 * indexes rather than guessing from the table as it was (H2 plans without them).
	 */
	private void analyze() {
		Boolean postgres = batch.execute((java.sql.Connection connection) -> connection.getMetaData()
			.getDatabaseProductName()
			.toLowerCase(java.util.Locale.ROOT)
			.contains("postgres"));
		if (Boolean.TRUE.equals(postgres)) {
			batch.execute("ANALYZE assessment_case_fact, assessment_rollup, assessment_heat_cell");
		}
	}

	/** When the figures were last brought up to date; empty before the first refresh. */
	public java.util.Optional<Instant> refreshedAt() {
		return jdbc.sql("SELECT refreshed_at FROM assessment_refresh WHERE id = 1")
			.query((rs, n) -> chengguan.platform.persistence.DbTime.instant(rs, 1))
			.optional();
	}

	/** One refresh or rebuild at a time, across nodes too (a rebuild is not a scheduled job). */
	private long lockWatermark() {
		return jdbc.sql("SELECT history_watermark FROM assessment_refresh WHERE id = 1 FOR UPDATE")
			.query(Long.class)
			.single();
	}

	private List<Object[]> rows(List<CaseFact> facts) {
		Map<Long, ReportPosition> positions = reports
			.positions(facts.stream().map(CaseFact::reportId).toList())
			.stream()
			.collect(Collectors.toMap(ReportPosition::reportId, Function.identity()));
		ZoneId zone = platform.timeZone();
		List<Object[]> rows = new ArrayList<>(facts.size());
		for (CaseFact f : facts) {
			rows.add(row(f, positions.get(f.reportId()), zone));
		}
		return rows;
	}

	/** A case's judgments against every KPI rule (see {@link Kpi}), as the fact table's row. */
	static Object[] row(CaseFact f, ReportPosition position, ZoneId zone) {
		boolean counted = f.state() != CaseState.DECLINED && f.state() != CaseState.MERGED;
		boolean closed = counted && (f.state() == CaseState.CLOSED || f.state() == CaseState.ARCHIVED
				|| f.state() == CaseState.UNRATED);
		// an extended case met a deadline it asked for, not the one it was given: never on time
		boolean onTime = closed && !f.handleOverdueMarked() && !f.extended()
				&& (f.handleDueAt() == null || f.lastClosedAt() == null || !f.lastClosedAt().isAfter(f.handleDueAt()));
		boolean acceptMeasured = counted && f.acceptDueAt() != null
				&& (f.acceptedAt() != null || f.acceptOverdueMarked());
		boolean acceptedOnTime = acceptMeasured && f.acceptedAt() != null && !f.acceptedAt().isAfter(f.acceptDueAt());
		Long response = counted && f.acceptedAt() != null ? seconds(f.receivedAt(), f.acceptedAt()) : null;
		Long handling = counted && f.handlingStartedAt() != null && f.feedbackAt() != null
				? seconds(f.handlingStartedAt(), f.feedbackAt()) : null;
		LocalDate day = LocalDate.ofInstant(f.receivedAt(), zone);
		Integer cellLat = position == null ? null : cell(position.latitude());
		Integer cellLng = position == null ? null : cell(position.longitude());
		return new Object[] { f.caseId(), f.reportId(), f.regionPath(), f.communityId(), f.categoryId(), f.channel(),
				f.assigneeUnitId(), f.assigneeStaffId(), f.state().name(), utc(f.receivedAt()), day,
				day.withDayOfMonth(1), flag(counted), flag(closed), flag(onTime), flag(closed && f.reworkCount() > 0),
				flag(counted && f.rated() && !f.excluded()), flag(counted && f.rated() && f.satisfied() && !f.excluded()),
				flag(acceptMeasured),
				flag(acceptedOnTime), flag(RESIDENT_LOCAL.contains(f.channel())),
				flag(Channel.HOTLINE_12345.name().equals(f.channel())), response,
				response == null ? null : Figures.bucket(response), handling,
				handling == null ? null : Figures.bucket(handling), cellLat, cellLng, utc(openDue(f)),
				flag(counted && f.extended()), flag(counted && f.state() == CaseState.UNRATED),
				flag(counted && f.state() == CaseState.ARCHIVED && f.archivedByStaff()), flag(counted && f.excluded()),
				f.lateWhistles() };
	}

	/** The limit an open case runs against now: accepting until it is registered, then handling. */
	private static Instant openDue(CaseFact f) {
		return switch (f.state()) {
			case PENDING, ACCEPTED -> f.acceptDueAt();
			case REGISTERED, DISPATCHED, HANDLING -> f.handleDueAt();
			default -> null;
		};
	}

	static int cell(BigDecimal degrees) {
		return degrees.divide(CELL_DEGREES, 0, RoundingMode.FLOOR).intValueExact();
	}

	private static long seconds(Instant from, Instant to) {
		return Math.max(0, Duration.between(from, to).toSeconds());
	}

	private static int flag(boolean value) {
		return value ? 1 : 0;
	}

	/** The statements that sum facts into rollups and heat cells, for the facts matching {@code where}. */
	static List<String> inserts(String where) {
		List<String> statements = new ArrayList<>();
		for (String kind : List.of("MONTH", "DAY")) {
			String period = kind.equals("MONTH") ? "received_month" : "received_on";
			for (Dimension dimension : Dimension.values()) {
				String key = dimension.keyExpression();
				String groupBy = period + ", region_path" + (dimension == Dimension.ALL ? "" : ", " + key);
				statements.add("INSERT INTO assessment_rollup (period_kind, dimension, period_start, region_path, "
						+ "dimension_key, " + MEASURES + ")\nSELECT '" + kind + "', '" + dimension.name() + "', " + period
						+ ", region_path, " + key + ", " + SUMS + "\nFROM assessment_case_fact WHERE " + where
						+ "\nGROUP BY " + groupBy);
			}
		}
		statements.add("INSERT INTO assessment_heat_cell (period_start, region_path, cell_lat, cell_lng, cases)\n"
				+ "SELECT received_month, region_path, cell_lat, cell_lng, COUNT(*) FROM assessment_case_fact\n"
				+ "WHERE counted = 1 AND cell_lat IS NOT NULL AND " + where + "\n"
				+ "GROUP BY received_month, region_path, cell_lat, cell_lng");
		return statements;
	}

	/** The rollup's measure columns, in the order of {@link #SUMS}. */
	static final String MEASURES = "received, counted, closed, closed_on_time, reworked, rated, satisfied, "
			+ "accept_measured, accepted_on_time, resident_local, hotline, response_count, response_seconds, "
			+ "handling_count, handling_seconds, " + histogram(i -> "response_h%02d".formatted(i)) + ", "
			+ histogram(i -> "handling_h%02d".formatted(i)) + ", extended, unrated, archived_by_staff, excluded, late_whistles";

	private static final String SUMS = "COUNT(*), SUM(counted), SUM(closed), SUM(closed_on_time), SUM(reworked), "
			+ "SUM(rated), SUM(satisfied), SUM(accept_measured), SUM(accepted_on_time), SUM(resident_local), "
			+ "SUM(hotline), COUNT(response_seconds), COALESCE(SUM(response_seconds), 0), COUNT(handling_seconds), "
			+ "COALESCE(SUM(handling_seconds), 0), "
			+ histogram(i -> "SUM(CASE WHEN response_bucket = " + i + " THEN 1 ELSE 0 END)") + ", "
			+ histogram(i -> "SUM(CASE WHEN handling_bucket = " + i + " THEN 1 ELSE 0 END)")
			+ ", SUM(extended), SUM(unrated), SUM(archived_by_staff), SUM(excluded), SUM(late_whistles)";

	private static String histogram(java.util.function.IntFunction<String> column) {
		return IntStream.range(0, Figures.BUCKET_MINUTES.length).mapToObj(column).collect(Collectors.joining(", "));
	}

}
