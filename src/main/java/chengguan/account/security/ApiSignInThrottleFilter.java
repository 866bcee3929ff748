package chengguan.account.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.web.filter.OncePerRequestFilter;

import chengguan.account.SignInThrottle;

/**
 * The same throttle for HTTP Basic on the API as for the sign-in form. A system cannot solve a CAPTCHA, so where the
 * form would ask for one the API answers 429 too, as an RFC 9457 problem with a Chinese detail and Retry-After.
 * The right password from an address that has not been failing is never held up.
 */
class ApiSignInThrottleFilter extends OncePerRequestFilter {

	private final SignInThrottle throttle;

	private final MessageSource messages;

	ApiSignInThrottleFilter(SignInThrottle throttle, MessageSource messages) {
		this.throttle = throttle;
		this.messages = messages;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String username = basicUsername(request.getHeader("Authorization"));
		if (username != null) {
			SignInThrottle.Decision decision = throttle.decide(username, request.getRemoteAddr());
			if (decision.verdict() != SignInThrottle.Verdict.ALLOW) {
				String detail = messages.getMessage("login.error.blocked",
						new Object[] { decision.retryAfterMinutes() }, Locale.SIMPLIFIED_CHINESE);
				response.setStatus(429);
				response.setHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
				response.setContentType("application/problem+json");
				response.setCharacterEncoding(StandardCharsets.UTF_8.name());
				response.getWriter()
					.write("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,\"detail\":\""
							+ detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
				return;
			}
		}
		chain.doFilter(request, response);
	}

	/** The name in an HTTP Basic header, or null when there is none or it is malformed (Spring's filter answers that). */
	static String basicUsername(String header) {
		if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return colon < 0 ? null : decoded.substring(0, colon);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
