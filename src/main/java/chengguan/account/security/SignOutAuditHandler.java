package chengguan.account.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;

import chengguan.platform.audit.AuditAction;
import chengguan.platform.audit.AuditLog;

@Component
class SignOutAuditHandler implements LogoutHandler {

	private final AuditLog auditLog;

	SignOutAuditHandler(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	@Override
	public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
		if (authentication != null) {
			auditLog.recordIndependently(authentication.getName(), request.getRemoteAddr(), AuditAction.SIGN_OUT,
					"user", authentication.getName(), null);
		}
	}

}
