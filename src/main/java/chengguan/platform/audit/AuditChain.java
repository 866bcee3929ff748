package chengguan.platform.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import chengguan.platform.history.AnchoredTable;
import chengguan.platform.history.ChainMac;
import chengguan.platform.history.ChainVerifier;
import chengguan.platform.history.Finding;
import chengguan.platform.persistence.DbTime;

/**
 * The audit log's part of the history check. Each entry is sealed on its own (a link to the entry before would
 * serialise every audited action of every node on one lock, and a refusal recorded in its own transaction would
 * wait for its caller's); their order and completeness are what the anchors' rolling digest covers.
 */
@Configuration(proxyBeanMethods = false)
class AuditChain implements ChainVerifier {

	static final String TABLE = "audit_event";

	private final JdbcClient jdbc;

	private final ChainMac mac;

	AuditChain(JdbcClient jdbc, ChainMac mac) {
		this.jdbc = jdbc;
		this.mac = mac;
	}

	/** Anchors cover each entry's MAC and content (older entries have only their content). */
	@Bean
	static AnchoredTable auditEventAnchoring() {
		return new AnchoredTable(TABLE, "audit", null, List.of("mac", "occurred_at", "actor", "client_ip", "action",
				"target_type", "target_id", "detail"), "mac IS NOT NULL");
	}

	static String content(Instant at, String actor, String clientIp, String action, String targetType,
			String targetId, String detail) {
		return ChainMac.fields(at, actor, clientIp, action, targetType, targetId, detail);
	}

	@Override
	public String table() {
		return TABLE;
	}

	@Override
	public Report verify(long firstKeyedId) {
		List<Finding> findings = new ArrayList<>();
		long[] rows = { 0 };
		jdbc.sql("""
				SELECT id, occurred_at, actor, client_ip, action, target_type, target_id, detail, mac_alg, key_id, mac
				FROM audit_event ORDER BY id""")
			.query((java.sql.ResultSet rs) -> {
				rows[0]++;
				long id = rs.getLong(1);
				String sealed = rs.getString(11);
				if (sealed == null) {
					if (id >= firstKeyedId) {
						findings.add(new Finding("audit", Long.toString(id), "entry written without the key"));
					}
					return;
				}
				String content = content(DbTime.instant(rs, 2), rs.getString(3), rs.getString(4), rs.getString(5),
						rs.getString(6), rs.getString(7), rs.getString(8));
				switch (mac.check(rs.getString(9), rs.getString(10), content, sealed)) {
					case INTACT -> {
					}
					case ALTERED -> findings.add(new Finding("audit", Long.toString(id), "content changed after it was written"));
					case UNKNOWN_KEY -> findings.add(new Finding("audit", Long.toString(id),
							"sealed with a key this installation does not have: " + rs.getString(10)));
				}
			});
		return new Report(rows[0], rows[0], findings);
	}

}
