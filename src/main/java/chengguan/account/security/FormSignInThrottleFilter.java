package chengguan.account.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

import chengguan.account.SignInThrottle;
import chengguan.platform.audit.AuditAction;
import chengguan.platform.audit.AuditLog;

/**
 * Stands before the sign-in form's password check: a blocked address is answered 429 with Retry-After without its
 * password being read (and without a thread waiting), and where a CAPTCHA is due only a solved one lets the password
 * be checked. Names that do not exist are treated exactly like those that do.
 */
class FormSignInThrottleFilter extends OncePerRequestFilter {

	/** The sign-in page, rendered with the 429 status and the minutes to wait (see LoginController). */
	static final String BLOCKED_PAGE = "/login/blocked";

	static final String RETRY_MINUTES = "chengguan.signIn.retryMinutes";

	private final SignInThrottle throttle;

	private final AuditLog auditLog;

	FormSignInThrottleFilter(SignInThrottle throttle, AuditLog auditLog) {
		this.throttle = throttle;
		this.auditLog = auditLog;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod())
				|| !"/login".equals(request.getRequestURI().substring(request.getContextPath().length()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String username = SignInThrottle.normalize(request.getParameter("username"));
		String address = request.getRemoteAddr();
		SignInThrottle.Decision decision = throttle.decide(username, address);
		switch (decision.verdict()) {
			case BLOCKED -> {
				response.setStatus(429);
				response.setHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
				request.setAttribute(RETRY_MINUTES, decision.retryAfterMinutes());
				request.getRequestDispatcher(BLOCKED_PAGE).forward(request, response);
			}
			case CHALLENGE -> {
				if (throttle.solve(request.getParameter("captchaId"), request.getParameter("captcha"), address)) {
					chain.doFilter(request, response);
				}
				else {
					// a missing or wrong answer counts like a wrong password: skipping the CAPTCHA gains nothing
					throttle.failed(username, address);
					auditLog.recordIndependently(username.isEmpty() ? null : username, address,
							AuditAction.SIGN_IN_FAILURE, "user", username, "reason=captcha");
					response.sendRedirect(request.getContextPath() + "/login?error=captcha");
				}
			}
			default -> chain.doFilter(request, response);
		}
	}

}
