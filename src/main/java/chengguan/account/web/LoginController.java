package chengguan.account.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

import chengguan.account.SignInThrottle;

@Controller
class LoginController {

	/** Set by the sign-in throttle filter before it forwards a blocked attempt here. */
	private static final String RETRY_MINUTES = "chengguan.signIn.retryMinutes";

	private final SignInThrottle throttle;

	LoginController(SignInThrottle throttle) {
		this.throttle = throttle;
	}

	@GetMapping("/login")
	String login(HttpServletRequest request, Model model) {
		if (signedIn()) {
			return "redirect:/";
		}
		if (throttle.challengeDue(request.getRemoteAddr())) {
			model.addAttribute("captcha", throttle.newChallenge(request.getRemoteAddr()));
		}
		return "account/login";
	}

	/** A blocked address's attempt: the page says when to come back; the filter set Retry-After. */
	@RequestMapping("/login/blocked")
	@ResponseStatus(HttpStatus.TOO_MANY_REQUESTS)
	String blocked(HttpServletRequest request, Model model) {
		Object minutes = request.getAttribute(RETRY_MINUTES);
		model.addAttribute("blockedMinutes", minutes instanceof Long value ? value : 15L);
		return "account/login";
	}

	/** A link or a typed address: signing out changes state, so it takes the button's POST with its CSRF token. */
	@GetMapping("/logout")
	String logout(Model model) {
		model.addAttribute("signedIn", signedIn());
		return "account/logout";
	}

	private static boolean signedIn() {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		return current != null && current.isAuthenticated() && !(current instanceof AnonymousAuthenticationToken);
	}

}
