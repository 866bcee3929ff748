package chengguan.account.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import chengguan.account.AccountService;
import chengguan.account.SignInThrottle;
import chengguan.platform.audit.AuditAction;
import chengguan.platform.audit.AuditLog;

/**
 * HTTP Basic sign-ins on the API count toward the same per-(name, address) and per-address throttle as the sign-in
 * form, so that the API is no way around it. (The form's outcomes are handled by {@link SignInOutcomeHandler}; this listener ignores them.)
 */
@Component
class ApiSignInOutcomes {

	private final AccountService accounts;

	private final AuditLog auditLog;

	private final SignInThrottle throttle;

	ApiSignInOutcomes(AccountService accounts, AuditLog auditLog, SignInThrottle throttle) {
		this.accounts = accounts;
		this.auditLog = auditLog;
		this.throttle = throttle;
	}

	@EventListener
	void failed(AuthenticationFailureBadCredentialsEvent event) {
		HttpServletRequest request = apiRequest();
		if (request == null) {
			return;
		}
		String username = String.valueOf(event.getAuthentication().getPrincipal());
		if (username.length() > 64) {
			username = username.substring(0, 64);
		}
		throttle.failed(username, request.getRemoteAddr());
		auditLog.recordIndependently(username, request.getRemoteAddr(), AuditAction.SIGN_IN_FAILURE, "user", username,
				"api reason=bad");
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		HttpServletRequest request = apiRequest();
		if (request != null) {
			String username = event.getAuthentication().getName();
			SignInOutcomeHandler.retrying(() -> {
				accounts.recordSignIn(username);
				return null;
			});
			throttle.succeeded(username, request.getRemoteAddr());
		}
	}

	private static HttpServletRequest apiRequest() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRequestURI().startsWith(request.getContextPath() + "/api/") ? request : null;
		}
		return null;
	}

}
