package chengguan.assessment;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import chengguan.platform.audit.AuditLog;
import chengguan.platform.web.InvalidRequestException;
import chengguan.platform.web.NotFoundException;

/**
 * The indicator system admins configure: read as a tree, changed one node at a time (audited). A group's points are
 * not forced to equal its children's sum while they are being edited one by one; {@link Indicator#unbalanced()}
 * shows where they differ, and the score is always the children's sum.
 */
@Service
@Transactional
public class Indicators {

	private static final BigDecimal MAX_POINTS = new BigDecimal("1000");

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	Indicators(JdbcClient jdbc, AuditLog auditLog) {
		this.jdbc = jdbc;
		this.auditLog = auditLog;
	}

	/** The top-level indicators (blocks), each with everything below it, in order. */
	@Transactional(readOnly = true)
	public List<Indicator> tree() {
		List<Indicator> flat = jdbc.sql("""
				SELECT id, parent_id, name, points, source, kpi, rule, target, floor_value, per_item,
				       full_when_missing, sort_order, version
				FROM assessment_indicator ORDER BY sort_order, id""")
			.query((rs, n) -> row(rs))
			.list();
		Map<Long, List<Indicator>> childrenOf = new LinkedHashMap<>();
		flat.forEach(indicator -> childrenOf.computeIfAbsent(indicator.parentId(), id -> new ArrayList<>()).add(indicator));
		return build(null, childrenOf);
	}

	@Transactional(readOnly = true)
	public Optional<Indicator> find(long id) {
		return tree().stream().flatMap(root -> root.flatten().stream()).filter(node -> node.id() == id).findFirst();
	}

	public Indicator get(long id) {
		return find(id).orElseThrow(NotFoundException::new);
	}

	public Indicator update(long id, long seenVersion, IndicatorDetails details) {
		Indicator current = get(id);
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
		auditLog.record(AuditAction.INDICATOR_SAVED, "indicator", id, describe(checked));
		return get(id);
	}

	/** A new indicator under a group, or a new block when {@code parentId} is null. */
	public Indicator create(Long parentId, IndicatorDetails details) {
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
		auditLog.record(AuditAction.INDICATOR_SAVED, "indicator", id, "created: " + describe(checked));
		return get(id);
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
