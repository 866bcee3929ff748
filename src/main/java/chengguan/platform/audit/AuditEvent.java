package chengguan.platform.audit;

import java.time.Instant;

public record AuditEvent(long id, Instant occurredAt, String actor, String clientIp, AuditAction action,
		String targetType, String targetId, String detail) {
}
