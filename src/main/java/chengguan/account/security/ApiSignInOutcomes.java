package chengguan.account.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import chengguan.account.AccountService;
import chengguan.platform.audit.AuditAction;
import chengguan.platform.audit.AuditLog;

/**
 * HTTP Basic sign-ins on the API count toward the same lockout as the sign-in form, so that the API is no way
 * around it. (The form's outcomes are handled by {@link SignInOutcomeHandler}; this listener ignores them.)
 */
@Component
class ApiSignInOutcomes {

	private final AccountService accounts;

	private final AuditLog auditLog;

	ApiSignInOutcomes(AccountService accounts, AuditLog auditLog) {
		this.accounts = accounts;
		this.auditLog = auditLog;
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
		String attempted = username;
		boolean lockedNow = SignInOutcomeHandler.retrying(() -> accounts.recordFailedSignIn(attempted));
		auditLog.recordIndependently(username, request.getRemoteAddr(), AuditAction.SIGN_IN_FAILURE, "user", username,
				"api reason=" + (lockedNow ? "locked" : "bad"));
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		if (apiRequest() != null) {
			String username = event.getAuthentication().getName();
			SignInOutcomeHandler.retrying(() -> {
				accounts.recordSignIn(username);
				return null;
			});
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
