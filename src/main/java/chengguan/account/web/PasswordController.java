package chengguan.account.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import chengguan.account.AccountService;
import chengguan.account.PasswordPolicy;
import chengguan.platform.security.StaffPrincipal;

@Controller
@RequestMapping("/account/password")
class PasswordController {

	private final AccountService accounts;

	private final PasswordPolicy policy;

	private final SecurityContextRepository securityContextRepository;

	PasswordController(AccountService accounts, PasswordPolicy policy,
			SecurityContextRepository securityContextRepository) {
		this.accounts = accounts;
		this.policy = policy;
		this.securityContextRepository = securityContextRepository;
	}

	@ModelAttribute("policy")
	PasswordPolicy policy() {
		return policy;
	}

	@GetMapping
	String form(Model model) {
		model.addAttribute("form", new PasswordForm("", "", ""));
		return "account/password";
	}

	@PostMapping
	String change(@Valid @ModelAttribute("form") PasswordForm form, BindingResult errors,
			@AuthenticationPrincipal StaffPrincipal me, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (!errors.hasErrors() && !form.newPassword().equals(form.confirmPassword())) {
			errors.rejectValue("confirmPassword", "password.mismatch");
		}
		if (errors.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return "account/password";
		}
		List<PasswordPolicy.Violation> violations = accounts.changePassword(me.userId(), form.currentPassword(),
				form.newPassword());
		if (!violations.isEmpty()) {
			for (PasswordPolicy.Violation violation : violations) {
				String field = "password.currentWrong".equals(violation.code()) ? "currentPassword" : "newPassword";
				errors.rejectValue(field, violation.code(), violation.arguments(), violation.code());
			}
			// the form again with the reasons next to the fields, and a status that says it was refused
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return "account/password";
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(accounts.freshAuthentication(me.username()));
		SecurityContextHolder.setContext(context);
		securityContextRepository.saveContext(context, request, response);
		redirect.addFlashAttribute("notice", "passwordChanged");
		return "redirect:/";
	}

}
