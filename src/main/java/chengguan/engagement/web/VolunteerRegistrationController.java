package chengguan.engagement.web;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import chengguan.engagement.VolunteerKind;
import chengguan.engagement.VolunteerPlace;
import chengguan.engagement.VolunteerRegistration;
import chengguan.engagement.Volunteers;
import chengguan.platform.documents.QrCodes;
import chengguan.platform.web.PublicAddresses;
import chengguan.platform.web.UserFacingException;

/**
 * The public page where residents sign up as volunteers or citizen supervisors of their community: no sign-in, no
 * server session (the CSRF token rides in a cookie), rate-limited per address.
 */
@Controller
class VolunteerRegistrationController {

	/** Printed on posters and stickers: do not change. */
	static final String REGISTRATION_PAGE = "/v/{communityCode}";

	private final Volunteers volunteers;

	private final MessageSource messages;

	private final PublicAddresses.Settings addresses;

	VolunteerRegistrationController(Volunteers volunteers, MessageSource messages, PublicAddresses.Settings addresses) {
		this.volunteers = volunteers;
		this.messages = messages;
		this.addresses = addresses;
	}

	@GetMapping(REGISTRATION_PAGE)
	String page(@PathVariable String communityCode, @RequestParam(required = false) String registered, Model model) {
		model.addAttribute("registered", registered != null);
		return render(communityCode, new VolunteerRegistrationForm(), model);
	}

	@PostMapping(REGISTRATION_PAGE)
	String register(@PathVariable String communityCode, @ModelAttribute("form") VolunteerRegistrationForm form,
			BindingResult binding, HttpServletRequest request, HttpServletResponse response, Model model) {
		if (binding.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("error",
					messages.getMessage(binding.getAllErrors().get(0), LocaleContextHolder.getLocale()));
			return render(communityCode, form, model);
		}
		try {
			volunteers.register(new VolunteerRegistration(communityCode, form.getName(), form.getPhone(),
					form.getKind(), form.getSkills(), form.getAvailability(), form.isConsent(),
					request.getRemoteAddr()));
			// a query flag, not a flash attribute: a flash attribute would open a session for an anonymous resident
			return "redirect:/v/" + volunteers.place(communityCode).communityCode() + "?registered";
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

	private String render(String communityCode, VolunteerRegistrationForm form, Model model) {
		VolunteerPlace place = volunteers.place(communityCode);
		model.addAttribute("place", place);
		model.addAttribute("form", form);
		model.addAttribute("kinds", VolunteerKind.values());
		return "engagement/volunteer-register";
	}

	/** The page's QR code, for posters at the community office and at events. */
	@GetMapping(REGISTRATION_PAGE + "/qr.png")
	ResponseEntity<byte[]> qr(@PathVariable String communityCode) {
		VolunteerPlace place = volunteers.place(communityCode);
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
			.body(QrCodes.png(absolute("/v/" + place.communityCode()), 480));
	}

	/** The configured public base URL, or else the one this request came in on. */
	private String absolute(String path) {
		if (addresses.baseUrl() != null && !addresses.baseUrl().isBlank()) {
			return addresses.baseUrl().replaceAll("/+$", "") + path;
		}
		return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).toUriString();
	}

}
