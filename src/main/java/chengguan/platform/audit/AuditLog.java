package chengguan.platform.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import chengguan.platform.PlatformProperties;
import chengguan.platform.history.ChainMac;
import chengguan.platform.persistence.DbTime;

/**
 * Writes and reads the audit log. Entries are only ever inserted. A change is recorded in the transaction
 * that makes it (so an undone change leaves no entry); a refusal is recorded on its own, because the
 * refusal itself rolls the surrounding work back.
 */
@Service
public class AuditLog {

	private static final int DETAIL_LIMIT = 2000;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ZoneId zone;

	private final TransactionTemplate independent;

	private final ChainMac mac;

	AuditLog(JdbcClient jdbc, Clock clock, PlatformProperties properties, PlatformTransactionManager transactions,
			ChainMac mac) {
		this.jdbc = jdbc;
		this.mac = mac;
		this.clock = clock;
		this.zone = properties.timeZone();
		this.independent = new TransactionTemplate(transactions);
		this.independent.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Records an action by the signed-in person, from the current request's address. */
	@Transactional
	public void record(AuditAction action, String targetType, Object targetId, String detail) {
		insert(currentActor(), currentClientIp(), action, targetType, targetId, detail);
	}

	/** Records an action that is kept even when the caller's transaction rolls back (refusals, failures). */
	public void recordIndependently(String actor, String clientIp, AuditAction action, String targetType,
			Object targetId, String detail) {
		independent.executeWithoutResult(status -> insert(actor != null ? actor : currentActor(),
				clientIp != null ? clientIp : currentClientIp(), action, targetType, targetId, detail));
	}

	@Transactional(readOnly = true)
	public List<AuditEvent> search(AuditQuery query) {
		StringBuilder sql = new StringBuilder(
				"SELECT id, occurred_at, actor, client_ip, action, target_type, target_id, detail FROM audit_event WHERE 1 = 1");
		List<Object> params = new ArrayList<>();
		if (query.actor() != null) {
			sql.append(" AND actor = ?");
			params.add(query.actor());
		}
		if (query.action() != null) {
			sql.append(" AND action = ?");
			params.add(query.action().name());
		}
		if (query.from() != null) {
			sql.append(" AND occurred_at >= ?");
			params.add(Timestamp.from(query.from().atStartOfDay(zone).toInstant()));
		}
		if (query.to() != null) {
			sql.append(" AND occurred_at < ?");
			params.add(Timestamp.from(query.to().plusDays(1).atStartOfDay(zone).toInstant()));
		}
		sql.append(" ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?");
		params.add(AuditQuery.PAGE_SIZE + 1);
		params.add(query.page() * AuditQuery.PAGE_SIZE);
		return jdbc.sql(sql.toString())
			.params(params)
			.query((rs, row) -> new AuditEvent(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
					rs.getString("actor"), rs.getString("client_ip"), AuditAction.valueOf(rs.getString("action")),
					rs.getString("target_type"), rs.getString("target_id"), rs.getString("detail")))
			.list();
	}

	private void insert(String actor, String clientIp, AuditAction action, String targetType, Object targetId,
			String detail) {
		// microseconds: what both databases keep, so the MAC computed now matches the one recomputed later
		Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
		String who = truncate(actor, 64);
		String address = truncate(clientIp, 64);
		String target = targetId == null ? null : truncate(targetId.toString(), 64);
		String text = truncate(detail, DETAIL_LIMIT);
		ChainMac.Seal seal = mac.seal(AuditChain.content(at, who, address, action.name(), targetType, target, text));
		jdbc.sql("""
				INSERT INTO audit_event (occurred_at, actor, client_ip, action, target_type, target_id, detail,
				    mac_alg, key_id, mac)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(DbTime.utc(at), who, address, action.name(), targetType, target, text, seal.algorithm(),
					seal.keyId(), seal.mac())
			.update();
	}

	private static String currentActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null ? null : authentication.getName();
	}

	private static String currentClientIp() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

	private static String truncate(String value, int limit) {
		return value == null || value.length() <= limit ? value : value.substring(0, limit);
	}

}
