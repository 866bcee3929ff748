package chengguan.account.security;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import chengguan.account.PasswordChangeRequired;

/** Keeps a person who must change their password on the password page until they have. */
class PasswordChangeRequiredFilter extends OncePerRequestFilter {

	static final String PASSWORD_PAGE = "/account/password";

	private static final Set<String> ALLOWED = Set.of(PASSWORD_PAGE, "/logout", "/login", "/error");

	private static final String[] ALLOWED_PREFIXES = { "/webjars/", "/css/", "/js/", "/img/" };

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (mustChangePassword() && path.startsWith("/api/")) {
			// systems cannot follow a redirect to a form: an account with an initial or expired password is refused
			response.sendError(HttpServletResponse.SC_FORBIDDEN, "Password change required");
			return;
		}
		if (mustChangePassword() && !allowed(path)) {
			String target = request.getContextPath() + PASSWORD_PAGE;
			if (request.getHeader("HX-Request") != null) {
				response.setHeader("HX-Redirect", target);
				response.setStatus(HttpServletResponse.SC_NO_CONTENT);
			}
			else {
				response.sendRedirect(target);
			}
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean mustChangePassword() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch(authority -> PasswordChangeRequired.AUTHORITY.equals(authority.getAuthority()));
	}

	private static boolean allowed(String path) {
		if (ALLOWED.contains(path)) {
			return true;
		}
		for (String prefix : ALLOWED_PREFIXES) {
			if (path.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

}
