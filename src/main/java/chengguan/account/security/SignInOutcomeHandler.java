package chengguan.account.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

import chengguan.account.AccountService;
import chengguan.account.SignInThrottle;
import chengguan.platform.audit.AuditAction;
import chengguan.platform.audit.AuditLog;

/**
 * Counts failures against the name and the address they came from (never against the account as a whole), forgets
 * the name's failures from that address on success, and audits both with the client's address. An unknown name and
 * a wrong password get the same answer.
 */
@Component
class SignInOutcomeHandler implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

	private static final Logger log = LoggerFactory.getLogger(SignInOutcomeHandler.class);

	private static final int USERNAME_LIMIT = 64;

	private static final int RETRIES = 3;

	private final AccountService accounts;

	private final AuditLog auditLog;

	private final SignInThrottle throttle;

	private final SavedRequestAwareAuthenticationSuccessHandler continueToSavedRequest = new SavedRequestAwareAuthenticationSuccessHandler();

	SignInOutcomeHandler(AccountService accounts, AuditLog auditLog, SignInThrottle throttle) {
		this.accounts = accounts;
		this.auditLog = auditLog;
		this.throttle = throttle;
		this.continueToSavedRequest.setRequestCache(new org.springframework.security.web.savedrequest.CookieRequestCache());
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, jakarta.servlet.ServletException {
		String username = authentication.getName();
		retrying(() -> {
			accounts.recordSignIn(username);
			return null;
		});
		throttle.succeeded(username, request.getRemoteAddr());
		auditLog.recordIndependently(username, request.getRemoteAddr(), AuditAction.SIGN_IN_SUCCESS, "user", username,
				null);
		continueToSavedRequest.onAuthenticationSuccess(request, response, authentication);
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String username = request.getParameter("username");
		username = username == null ? "" : username.strip();
		if (username.length() > USERNAME_LIMIT) {
			username = username.substring(0, USERNAME_LIMIT);
		}
		String reason;
		if (exception instanceof DisabledException) {
			// only said after the right password (see SecurityConfiguration): it tells nothing to a guesser
			reason = "disabled";
		}
		else {
			throttle.failed(username, request.getRemoteAddr());
			reason = "bad";
		}
		auditLog.recordIndependently(username.isEmpty() ? null : username, request.getRemoteAddr(),
				AuditAction.SIGN_IN_FAILURE, "user", username, "reason=" + reason);
		response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
	}

	/** Two wrong passwords for one account at the same moment must both count. */
	static <T> T retrying(java.util.function.Supplier<T> work) {
		for (int attempt = 1;; attempt++) {
			try {
				return work.get();
			}
			catch (OptimisticLockingFailureException ex) {
				if (attempt == RETRIES) {
					log.warn("Gave up recording a sign-in outcome after {} concurrent updates", RETRIES);
					throw ex;
				}
			}
		}
	}

}
