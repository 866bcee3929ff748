package chengguan.platform.history;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import chengguan.platform.audit.AuditAction;
import chengguan.platform.audit.AuditLog;
import chengguan.platform.persistence.DbTime;

/**
 * The history check: every row's MAC and every case's chain ({@link ChainVerifier}s), every table against every
 * signed anchor. The result is kept (the case page and the admin page read the last one); a failure that was not
 * already known raises the alarm: an audit entry and {@link HistoryTampered} for the administrators.
 */
@Service
public class HistoryCheck {

	private static final Logger log = LoggerFactory.getLogger(HistoryCheck.class);

	private static final int MAX_FINDINGS_KEPT = 500;

	private final JdbcClient jdbc;

	private final HistoryAnchors anchors;

	private final List<ChainVerifier> verifiers;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	HistoryCheck(JdbcClient jdbc, HistoryAnchors anchors, List<ChainVerifier> verifiers, AuditLog auditLog,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.anchors = anchors;
		this.verifiers = List.copyOf(verifiers);
		this.auditLog = auditLog;
		this.events = events;
		this.clock = clock;
	}

	/** A check's outcome; {@code lines} say what was checked, {@code findings} what is wrong and where. */
	public record Result(long id, Instant checkedAt, String triggeredBy, boolean intact, List<String> lines,
			List<Finding> findings) {

		public List<String> affected(String targetType) {
			return findings.stream().filter(f -> f.targetType().equals(targetType)).map(Finding::targetId).distinct()
				.toList();
		}

		public String summary() {
			return String.join("\n", lines);
		}

	}

	@Transactional
	public Result run(String triggeredBy) {
		HistoryAnchors.Verification anchored = anchors.verify(jdbc);
		List<String> lines = new ArrayList<>();
		List<Finding> findings = new ArrayList<>();
		for (ChainVerifier verifier : verifiers) {
			long firstKeyed = anchored.lastGood().flatMap(a -> a.head(verifier.table()))
				.map(HistoryAnchors.Head::firstKeyedId)
				.orElseGet(() -> anchors.tables().stream().filter(t -> t.table().equals(verifier.table())).findFirst()
					.map(t -> anchors.firstKeyedInDatabase(jdbc, t)).orElse(Long.MAX_VALUE));
			ChainVerifier.Report report = verifier.verify(firstKeyed);
			lines.add(label(verifier.table()) + "：" + (verifier.table().equals("case_history")
					? report.targets() + " 件案卷，" : "") + report.rows() + " 条记录，"
					+ (report.findings().isEmpty() ? "逐条签名与链校验无误" : report.findings().size() + " 处不符"));
			findings.addAll(report.findings());
		}
		for (HistoryAnchors.TableCheck table : anchored.tables()) {
			AnchoredTable spec = anchors.tables().stream().filter(t -> t.table().equals(table.table())).findFirst()
				.orElseThrow();
			if (table.intact()) {
				lines.add(label(table.table()) + "：与 " + table.anchorsMatched() + " 个锚点相符");
				continue;
			}
			for (HistoryAnchors.RangeBreak broken : table.breaks()) {
				lines.add(label(table.table()) + "：" + broken.problem() + "（行号 " + broken.afterId() + " 之后至 "
						+ broken.upToId() + "）");
				List<String> targets = anchors.targetsBetween(jdbc, table.table(), broken.afterId(), broken.upToId());
				if (targets.isEmpty() || spec.targetColumn() == null) {
					findings.add(new Finding(spec.targetType(), broken.afterId() + "-" + broken.upToId(), broken.problem()));
				}
				if (spec.targetColumn() != null) {
					targets.forEach(t -> findings.add(new Finding(spec.targetType(), t, broken.problem())));
				}
			}
		}
		lines.add("锚点：" + anchored.anchors().size() + " 个（" + anchors.file().toAbsolutePath() + "）"
				+ anchored.lastGood().map(a -> "，最新 " + a.at()).orElse("，尚无有效锚点"));
		lines.addAll(anchored.problems());
		boolean intact = findings.isEmpty() && anchored.problems().isEmpty();
		lines.add(0, intact ? "办理经过与审计日志完整" : "发现篡改迹象：" + findings.size() + " 处");
		Optional<Result> previous = last();
		Instant now = clock.instant();
		String summary = truncate(String.join("\n", lines), 4000);
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO history_check (checked_at, triggered_by, intact, summary) VALUES (?, ?, ?, ?)")
			.params(DbTime.utc(now), truncate(triggeredBy, 64), intact, summary)
			.update(key, "id");
		long id = key.getKey().longValue();
		for (Finding finding : findings.stream().limit(MAX_FINDINGS_KEPT).toList()) {
			jdbc.sql("INSERT INTO history_check_finding (check_id, target_type, target_id, reason) VALUES (?, ?, ?, ?)")
				.params(id, finding.targetType(), truncate(finding.targetId(), 64), truncate(finding.reason(), 500))
				.update();
		}
		Result result = new Result(id, now, triggeredBy, intact, List.copyOf(lines), List.copyOf(findings));
		if (!intact) {
			log.error("History check {} failed: {}", id, summary);
			boolean known = previous.isPresent() && !previous.get().intact()
					&& previous.get().findings().equals(result.findings().stream().limit(MAX_FINDINGS_KEPT).toList());
			if (!known) {
				auditLog.recordIndependently("system", null, AuditAction.HISTORY_CHECK_FAILED, "history_check", id,
						summary);
				events.publishEvent(new HistoryTampered(id, summary, result.findings()));
			}
		}
		return result;
	}

	@Transactional(readOnly = true)
	public Optional<Result> last() {
		return jdbc.sql("SELECT id, checked_at, triggered_by, intact, summary FROM history_check ORDER BY id DESC LIMIT 1")
			.query((rs, n) -> new Result(rs.getLong(1), DbTime.instant(rs, 2), rs.getString(3), rs.getBoolean(4),
					List.of(rs.getString(5).split("\n")), List.of()))
			.optional()
			.map(r -> new Result(r.id(), r.checkedAt(), r.triggeredBy(), r.intact(), r.lines(), findings(r.id())));
	}

	/** Why the last check flagged this target (e.g. a case), or empty when it did not. */
	@Transactional(readOnly = true)
	public Optional<String> flagged(String targetType, String targetId) {
		return jdbc.sql("""
				SELECT reason FROM history_check_finding
				WHERE target_type = ? AND target_id = ? AND check_id = (SELECT MAX(id) FROM history_check)""")
			.params(targetType, targetId)
			.query(String.class)
			.list()
			.stream()
			.findFirst();
	}

	private List<Finding> findings(long checkId) {
		return jdbc.sql("SELECT target_type, target_id, reason FROM history_check_finding WHERE check_id = ?")
			.param(checkId)
			.query((rs, n) -> new Finding(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	private static String label(String table) {
		return switch (table) {
			case "case_history" -> "办理经过（case_history）";
			case "audit_event" -> "审计日志（audit_event）";
			default -> table;
		};
	}

	private static String truncate(String value, int limit) {
		return value == null || value.length() <= limit ? value : value.substring(0, limit);
	}

}
