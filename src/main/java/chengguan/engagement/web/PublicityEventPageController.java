package chengguan.engagement.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import chengguan.engagement.PublicityEvent;
import chengguan.engagement.PublicityEvents;
import chengguan.platform.web.UserFacingException;

/** An event's public sign-up page /e/{code}, linked from its poster's QR code; no sign-in. */
@Controller
class PublicityEventPageController {

	static final String PAGE = "/e/{eventCode}";

	private final PublicityEvents events;

	private final MessageSource messages;

	PublicityEventPageController(PublicityEvents events, MessageSource messages) {
		this.events = events;
		this.messages = messages;
	}

	@GetMapping(PAGE)
	String page(@PathVariable String eventCode, @RequestParam(required = false) String signedUp, Model model) {
		model.addAttribute("signedUp", signedUp != null);
		return render(events.byCode(eventCode), "", "", model);
	}

	@PostMapping(PAGE)
	String signUp(@PathVariable String eventCode, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String phone, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		PublicityEvent event = events.byCode(eventCode);
		try {
			events.signUp(eventCode, name, phone, request.getRemoteAddr());
			return "redirect:/e/" + event.code() + "?signedUp";
		}
		catch (UserFacingException ex) {
			if (!ex.correctableInForm()) {
				throw ex;
			}
			response.setStatus(ex.status().value());
			model.addAttribute("error", ex.message(messages));
			return render(events.byCode(eventCode), name, phone, model);
		}
	}

	private String render(PublicityEvent event, String name, String phone, Model model) {
		model.addAttribute("event", event);
		model.addAttribute("name", name.length() > 64 ? name.substring(0, 64) : name);
		model.addAttribute("phone", phone.length() > 32 ? phone.substring(0, 32) : phone);
		return "engagement/event-public";
	}

}
