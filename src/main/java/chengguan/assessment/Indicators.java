package chengguan.assessment;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import chengguan.platform.audit.AuditAction;
import chengguan.platform.PlatformProperties;
import chengguan.platform.audit.AuditLog;
import chengguan.platform.web.InvalidRequestException;
import chengguan.platform.web.NotFoundException;

/**
 * The indicator system admins configure: read as a tree, changed one node at a time (audited). A group's points are
 * not forced to equal its children's sum while they are being edited one by one; {@link Indicator#unbalanced()}
 * shows where they differ, and the score is always the children's sum.
 *
 * <p>Every change is a version with the date from which it applies; a period is scored with the tree as it stood on
 * {@link #asOf the period's last day} (or today while it runs), so a change never rewrites the scores and rankings of
 * a period that ended before it. A new indicator applies from the date given, or to every period when none is.
 */
@Service
@Transactional
public class Indicators {

	private static final BigDecimal MAX_POINTS = new BigDecimal("1000");

	private final JdbcClient jdbc;

	/** Versions of indicators that existed before versions did, and of those created without a date. */
	static final LocalDate SINCE_ALWAYS = LocalDate.of(2000, 1, 1);

	private final AuditLog auditLog;

	private final Clock clock;

	private final PlatformProperties platform;

	Indicators(JdbcClient jdbc, AuditLog auditLog, Clock clock, PlatformProperties platform) {
		this.jdbc = jdbc;
		this.auditLog = auditLog;
		this.clock = clock;
		this.platform = platform;
	}

	/** Today in the platform's time zone: the default date a change applies from. */
	public LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), platform.timeZone());
	}

	/** The day whose indicators score a period: its last day, or today while it runs. */
	public LocalDate asOf(Period period) {
		LocalDate today = today();
		return period.end().isAfter(today) ? today : period.end();
	}

	/** The top-level indicators (blocks) in force today, each with everything below it, in order. */
	@Transactional(readOnly = true)
	public List<Indicator> tree() {
		return tree(today());
	}

	/** The indicators as they stood on that day: each one's latest version from that day or before. */
	@Transactional(readOnly = true)
	public List<Indicator> tree(LocalDate on) {
		List<Indicator> flat = jdbc.sql("""
				SELECT i.id, i.parent_id, COALESCE(v.name, i.name) AS name, COALESCE(v.points, i.points) AS points,
				       COALESCE(v.source, i.source) AS source, CASE WHEN v.id IS NULL THEN i.kpi ELSE v.kpi END AS kpi,
				       COALESCE(v.rule, i.rule) AS rule,
				       CASE WHEN v.id IS NULL THEN i.target ELSE v.target END AS target,
				       CASE WHEN v.id IS NULL THEN i.floor_value ELSE v.floor_value END AS floor_value,
				       CASE WHEN v.id IS NULL THEN i.per_item ELSE v.per_item END AS per_item,
				       COALESCE(v.full_when_missing, i.full_when_missing) AS full_when_missing,
				       COALESCE(v.sort_order, i.sort_order) AS sort_order, i.version
				FROM assessment_indicator i
				LEFT JOIN assessment_indicator_version v ON v.indicator_id = i.id
				     AND v.effective_from = (SELECT MAX(w.effective_from) FROM assessment_indicator_version w
				                             WHERE w.indicator_id = i.id AND w.effective_from <= :on)
				WHERE v.id IS NOT NULL
				   OR NOT EXISTS (SELECT 1 FROM assessment_indicator_version w WHERE w.indicator_id = i.id)
				ORDER BY sort_order, i.id""")
			.param("on", on)
			.query((rs, n) -> row(rs))
			.list();
		Map<Long, List<Indicator>> childrenOf = new LinkedHashMap<>();
		flat.forEach(indicator -> childrenOf.computeIfAbsent(indicator.parentId(), id -> new ArrayList<>()).add(indicator));
		return build(null, childrenOf);
	}

	@Transactional(readOnly = true)
	public Optional<Indicator> find(long id) {
		return find(id, today());
	}

	@Transactional(readOnly = true)
	public Optional<Indicator> find(long id, LocalDate on) {
		return tree(on).stream().flatMap(root -> root.flatten().stream()).filter(node -> node.id() == id).findFirst();
	}

	public Indicator get(long id) {
		return find(id).orElseThrow(NotFoundException::new);
	}

	/** The indicator as it stood on that day; not found if it did not exist yet. */
	public Indicator get(long id, LocalDate on) {
		return find(id, on).orElseThrow(NotFoundException::new);
	}

	/** A change that applies from today. */
	public Indicator update(long id, long seenVersion, IndicatorDetails details) {
		return update(id, seenVersion, details, null);
	}

	/**
	 * A change that applies from {@code effectiveFrom} (today when null): periods that ended before keep the version
	 * they were scored with. A second change with the same date replaces the first.
	 */
	public Indicator update(long id, long seenVersion, IndicatorDetails details, LocalDate effectiveFrom) {
		Indicator current = find(id).or(() -> find(id, LocalDate.of(9999, 12, 31))).orElseThrow(NotFoundException::new);
		IndicatorDetails checked = check(details, current.group() ? IndicatorSource.GROUP : details.source());
		if (current.group() != (checked.source() == IndicatorSource.GROUP)) {
			throw new InvalidRequestException("assessment.indicator.groupFixed");
		}
		int changed = jdbc.sql("""
				UPDATE assessment_indicator SET name = ?, points = ?, source = ?, kpi = ?, rule = ?, target = ?,
				       floor_value = ?, per_item = ?, full_when_missing = ?, sort_order = ?, version = version + 1
				WHERE id = ? AND version = ?""")
			.params(checked.name(), checked.points(), checked.source().name(),
					checked.kpi() == null ? null : checked.kpi().name(), checked.rule().name(), checked.target(),
					checked.floor(), checked.perItem(), checked.fullWhenMissing(), checked.sortOrder(), id, seenVersion)
			.update();
		if (changed == 0) {
			throw new InvalidRequestException("assessment.indicator.stale");
		}
		LocalDate from = effectiveFrom == null ? today() : effectiveFrom;
		saveVersion(id, from, checked);
		auditLog.record(AuditAction.INDICATOR_SAVED, "indicator", id, "from " + from + ": " + describe(checked));
		return find(id).or(() -> find(id, from)).orElseThrow(NotFoundException::new);
	}

	/** One version of an indicator; a version with the same date is replaced. */
	private void saveVersion(long id, LocalDate from, IndicatorDetails checked) {
		jdbc.sql("DELETE FROM assessment_indicator_version WHERE indicator_id = ? AND effective_from = ?")
			.params(id, from)
			.update();
		jdbc.sql("""
				INSERT INTO assessment_indicator_version (indicator_id, effective_from, name, points, source, kpi, rule,
				       target, floor_value, per_item, full_when_missing, sort_order, recorded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, from, checked.name(), checked.points(), checked.source().name(),
					checked.kpi() == null ? null : checked.kpi().name(), checked.rule().name(), checked.target(),
					checked.floor(), checked.perItem(), checked.fullWhenMissing(), checked.sortOrder(),
					java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC))
			.update();
	}

	/** A new indicator applying to every period. */
	public Indicator create(Long parentId, IndicatorDetails details) {
		return create(parentId, details, null);
	}

	/**
	 * A new indicator under a group, or a new block when {@code parentId} is null, applying from
	 * {@code effectiveFrom} (to every period when null).
	 */
	public Indicator create(Long parentId, IndicatorDetails details, LocalDate effectiveFrom) {
		if (parentId != null && !get(parentId).group()) {
			throw new InvalidRequestException("assessment.indicator.parentNotGroup");
		}
		IndicatorDetails checked = check(details, parentId == null ? IndicatorSource.GROUP : details.source());
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO assessment_indicator (parent_id, name, points, source, kpi, rule, target, floor_value,
				       per_item, full_when_missing, sort_order)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(parentId, checked.name(), checked.points(), checked.source().name(),
					checked.kpi() == null ? null : checked.kpi().name(), checked.rule().name(), checked.target(),
					checked.floor(), checked.perItem(), checked.fullWhenMissing(), checked.sortOrder())
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		LocalDate from = effectiveFrom == null ? SINCE_ALWAYS : effectiveFrom;
		saveVersion(id, from, checked);
		auditLog.record(AuditAction.INDICATOR_SAVED, "indicator", id, "created from " + from + ": " + describe(checked));
		return find(id).or(() -> find(id, from)).orElseThrow(NotFoundException::new);
	}

	/** The details made consistent (a group sums, a manual source is scored by hand) or rejected with a reason. */
	static IndicatorDetails check(IndicatorDetails details, IndicatorSource source) {
		String name = details.name() == null ? "" : details.name().strip();
		if (name.isEmpty() || name.length() > 64) {
			throw new InvalidRequestException("assessment.indicator.name");
		}
		BigDecimal points = details.points();
		if (points == null || points.signum() <= 0 || points.compareTo(MAX_POINTS) > 0 || points.scale() > 2) {
			throw new InvalidRequestException("assessment.indicator.points");
		}
		if (source == null) {
			throw new InvalidRequestException("assessment.indicator.source");
		}
		return switch (source) {
			case GROUP -> new IndicatorDetails(name, points, source, null, IndicatorRule.SUM, null, null, null, false,
					details.sortOrder());
			case MANUAL -> new IndicatorDetails(name, points, source, null, IndicatorRule.MANUAL, null, null, null,
					details.fullWhenMissing(), details.sortOrder());
			case KPI, MUTUAL_RATING, LEDGER_LATE -> {
				if (source == IndicatorSource.KPI && details.kpi() == null) {
					throw new InvalidRequestException("assessment.indicator.kpi");
				}
				if (details.rule() == IndicatorRule.LINEAR) {
					if (details.target() == null || details.floor() == null
							|| details.target().compareTo(details.floor()) == 0) {
						throw new InvalidRequestException("assessment.indicator.linear");
					}
					yield new IndicatorDetails(name, points, source, source == IndicatorSource.KPI ? details.kpi() : null,
							IndicatorRule.LINEAR, details.target(), details.floor(), null, details.fullWhenMissing(),
							details.sortOrder());
				}
				if (details.rule() == IndicatorRule.DEDUCTION) {
					if (details.perItem() == null || details.perItem().signum() <= 0) {
						throw new InvalidRequestException("assessment.indicator.deduction");
					}
					yield new IndicatorDetails(name, points, source, source == IndicatorSource.KPI ? details.kpi() : null,
							IndicatorRule.DEDUCTION, null, null, details.perItem(), details.fullWhenMissing(),
							details.sortOrder());
				}
				throw new InvalidRequestException("assessment.indicator.rule");
			}
		};
	}

	private static String describe(IndicatorDetails details) {
		return details.name() + " " + details.points().toPlainString() + " " + details.source() + "/" + details.rule()
				+ (details.kpi() == null ? "" : " " + details.kpi()) + " target=" + details.target() + " floor="
				+ details.floor() + " perItem=" + details.perItem();
	}

	private static List<Indicator> build(Long parentId, Map<Long, List<Indicator>> childrenOf) {
		return childrenOf.getOrDefault(parentId, List.of())
			.stream()
			.sorted(Comparator.comparingInt(Indicator::sortOrder).thenComparingLong(Indicator::id))
			.map(node -> new Indicator(node.id(), node.parentId(), node.name(), node.points(), node.source(),
					node.kpi(), node.rule(), node.target(), node.floor(), node.perItem(), node.fullWhenMissing(),
					node.sortOrder(), node.version(), build(node.id(), childrenOf)))
			.toList();
	}

	private static Indicator row(ResultSet rs) throws SQLException {
		String kpi = rs.getString("kpi");
		return new Indicator(rs.getLong("id"), rs.getObject("parent_id", Long.class), rs.getString("name"),
				rs.getBigDecimal("points"), IndicatorSource.valueOf(rs.getString("source")),
				kpi == null ? null : Kpi.valueOf(kpi), IndicatorRule.valueOf(rs.getString("rule")),
				rs.getBigDecimal("target"), rs.getBigDecimal("floor_value"), rs.getBigDecimal("per_item"),
				rs.getBoolean("full_when_missing"), rs.getInt("sort_order"), rs.getLong("version"), List.of());
	}

}
