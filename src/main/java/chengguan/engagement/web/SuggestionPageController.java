package chengguan.engagement.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import chengguan.engagement.NeedKind;
import chengguan.engagement.Needs;
import chengguan.engagement.SuggestionSubmission;
import chengguan.platform.web.UserFacingException;

/** The community's public page for suggestions 人民建议 and needs 居民需求, behind its QR code; no sign-in. */
@Controller
class SuggestionPageController {

	static final String PAGE = "/n/{communityCode}";

	private final Needs needs;

	private final MessageSource messages;

	SuggestionPageController(Needs needs, MessageSource messages) {
		this.needs = needs;
		this.messages = messages;
	}

	@GetMapping(PAGE)
	String page(@PathVariable String communityCode, @RequestParam(required = false) String submitted, Model model) {
		SuggestionForm form = new SuggestionForm();
		form.setIdempotencyKey(UUID.randomUUID().toString());
		model.addAttribute("submitted", submitted != null);
		return render(communityCode, form, model);
	}

	@PostMapping(PAGE)
	String submit(@PathVariable String communityCode, @ModelAttribute("form") SuggestionForm form,
			BindingResult binding, HttpServletRequest request, HttpServletResponse response, Model model) {
		if (binding.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("error",
					messages.getMessage(binding.getAllErrors().get(0), LocaleContextHolder.getLocale()));
			return render(communityCode, form, model);
		}
		try {
			needs.submitFromResident(new SuggestionSubmission(communityCode, form.getKind(), form.getContent(),
					form.getPhone(), form.getIdempotencyKey(), request.getRemoteAddr()));
			// a query flag, not a flash attribute: flash attributes would open a session for an anonymous resident
			return "redirect:/n/" + needs.community(communityCode).code() + "?submitted";
		}
		catch (UserFacingException ex) {
			if (!ex.correctableInForm()) {
				throw ex;
			}
			response.setStatus(ex.status().value());
			model.addAttribute("error", ex.message(messages));
			return render(communityCode, form, model);
		}
	}

	private String render(String communityCode, SuggestionForm form, Model model) {
		model.addAttribute("community", needs.community(communityCode));
		model.addAttribute("form", form);
		model.addAttribute("kinds", NeedKind.values());
		return "engagement/needs-public";
	}

}
