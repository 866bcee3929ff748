package chengguan.engagement.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import chengguan.engagement.Survey;
import chengguan.engagement.SurveyAnswers;
import chengguan.engagement.SurveyDevice;
import chengguan.engagement.SurveyLinks;
import chengguan.engagement.SurveyProperties;
import chengguan.engagement.SurveySatisfaction;
import chengguan.engagement.SurveyStatus;
import chengguan.engagement.SurveySubmission;
import chengguan.engagement.Surveys;
import chengguan.platform.web.NotFoundException;
import chengguan.platform.web.UserFacingException;

/**
 * The resident's survey page behind each QR code: no sign-in and no server session. The device's token comes in a
 * long-lived HttpOnly cookie, set on the first visit.
 */
@Controller
class SurveyPageController {

	private final Surveys surveys;

	private final SurveyAnswers answers;

	private final SurveyProperties settings;

	private final MessageSource messages;

	SurveyPageController(Surveys surveys, SurveyAnswers answers, SurveyProperties settings, MessageSource messages) {
		this.surveys = surveys;
		this.answers = answers;
		this.settings = settings;
		this.messages = messages;
	}

	@GetMapping(SurveyLinks.ANSWER_PAGE)
	String page(@PathVariable String surveyCode, @PathVariable String communityCode,
			@RequestParam(required = false) String done, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		Surveys.SurveyPlace place = surveys.forAnswering(surveyCode, communityCode).orElseThrow(NotFoundException::new);
		String token = deviceToken(request, response);
		model.addAttribute("place", place);
		if (answers.answered(place.survey().id(), token)) {
			model.addAttribute("outcome", done != null ? "done" : "already");
			return "engagement/survey-answered";
		}
		SurveyStatus status = surveys.status(place.survey());
		if (status != SurveyStatus.OPEN) {
			model.addAttribute("outcome", status == SurveyStatus.NOT_STARTED ? "notStarted" : "closed");
			return "engagement/survey-answered";
		}
		return render(place, Map.of(), model);
	}

	@PostMapping(SurveyLinks.ANSWER_PAGE)
	String submit(@PathVariable String surveyCode, @PathVariable String communityCode, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Map<String, List<String>> values = new LinkedHashMap<>();
		request.getParameterMap().forEach((name, given) -> {
			if (name.matches("[qr]\\d{1,18}")) {
				values.put(name, Arrays.asList(given));
			}
		});
		String token = cookie(request);
		try {
			answers.submit(new SurveySubmission(surveyCode, communityCode, token, request.getRemoteAddr(), values));
			// a query flag, not a flash attribute: flash attributes would open a session for an anonymous resident
			return "redirect:/s/" + surveyCode + "/" + communityCode + "?done=1";
		}
		catch (UserFacingException ex) {
			if (!ex.correctableInForm()) {
				throw ex;
			}
			Surveys.SurveyPlace place = surveys.forAnswering(surveyCode, communityCode)
				.orElseThrow(NotFoundException::new);
			deviceToken(request, response);
			response.setStatus(ex.status().value());
			model.addAttribute("place", place);
			switch (ex.messageCode()) {
				case "survey.answer.already" -> {
					model.addAttribute("outcome", "already");
					return "engagement/survey-answered";
				}
				case "survey.answer.closed" -> {
					model.addAttribute("outcome", "closed");
					return "engagement/survey-answered";
				}
				default -> {
					model.addAttribute("error", ex.message(messages));
					return render(place, values, model);
				}
			}
		}
	}

	private String render(Surveys.SurveyPlace place, Map<String, List<String>> given, Model model) {
		model.addAttribute("given", given);
		model.addAttribute("reasonPrompt", SurveySatisfaction.REASON_PROMPT);
		model.addAttribute("dissatisfied", SurveySatisfaction.DISSATISFIED);
		model.addAttribute("maxText", SurveyAnswers.MAX_TEXT);
		return "engagement/survey-page";
	}

	/** The device's token, or a new one given to the browser now (it comes back with the answers). */
	private String deviceToken(HttpServletRequest request, HttpServletResponse response) {
		String token = cookie(request);
		if (SurveyDevice.wellFormed(token)) {
			return token;
		}
		token = SurveyDevice.newToken();
		response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(SurveyDevice.COOKIE, token)
			.path("/s/")
			.maxAge(settings.deviceCookieAge())
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Lax")
			.build()
			.toString());
		return token;
	}

	private static String cookie(HttpServletRequest request) {
		if (request.getCookies() == null) {
			return null;
		}
		return Arrays.stream(request.getCookies())
			.filter(cookie -> SurveyDevice.COOKIE.equals(cookie.getName()))
			.map(Cookie::getValue)
			.findFirst()
			.orElse(null);
	}

}
