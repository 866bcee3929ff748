package chengguan.platform.web;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/**
 * Carries out what a submitted form asks for. When it cannot be done because of what the person typed — a value that
 * did not bind, or a refusal they can correct — the same form comes back, their input kept, with the Chinese reason
 * and the refusal's status; anything else (not found, forbidden, too many requests) goes on to the error page.
 */
@Component
public class FormSubmissions {

	private final MessageSource messages;

	FormSubmissions(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * @param action what the form asks for; returns the view to go to (usually a redirect)
	 * @param form puts the form back in the model and returns its view
	 */
	public String submit(BindingResult binding, Model model, HttpServletResponse response, Supplier<String> action,
			Supplier<String> form) {
		if (binding != null && binding.hasErrors()) {
			return back(HttpStatus.BAD_REQUEST,
					messages.getMessage(binding.getAllErrors().get(0), LocaleContextHolder.getLocale()), model,
					response, form);
		}
		try {
			return action.get();
		}
		catch (UserFacingException ex) {
			if (!ex.correctableInForm()) {
				throw ex;
			}
			return back(ex.status(), ex.message(messages), model, response, form);
		}
	}

	private static String back(HttpStatus status, String message, Model model, HttpServletResponse response,
			Supplier<String> form) {
		response.setStatus(status.value());
		model.addAttribute("error", message);
		return form.get();
	}

}
