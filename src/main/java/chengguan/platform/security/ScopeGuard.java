package chengguan.platform.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import chengguan.platform.audit.AuditAction;
import chengguan.platform.audit.AuditLog;

@Component
public class ScopeGuard {

	private static final Logger log = LoggerFactory.getLogger(ScopeGuard.class);

	private final AuditLog auditLog;

	ScopeGuard(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	/**
	 * Refuses with 404 and an audit entry unless the region path lies inside the person's scope.
	 * @param regionPath the path of the region the target belongs to
	 */
	public void requireCovers(StaffPrincipal who, String regionPath, String targetType, Object targetId) {
		if (!who.scope().covers(regionPath)) {
			log.warn("Scope refusal: {} (scope {}) tried {} {}", who.username(), who.scope().homeRegionPath(),
					targetType, targetId);
			auditLog.recordIndependently(who.username(), null, AuditAction.SCOPE_DENIED, targetType, targetId,
					"scope=" + who.scope().homeRegionPath() + " target=" + regionPath);
			throw new OutOfScopeException();
		}
	}

}
