package chengguan.engagement;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import chengguan.platform.web.PublicAddresses;

/** The public address of a survey for one community, as printed on its poster and QR code; it must never change. */
@Component
public class SurveyLinks {

	public static final String ANSWER_PAGE = "/s/{surveyCode}/{communityCode}";

	private final PublicAddresses.Settings settings;

	SurveyLinks(PublicAddresses.Settings settings) {
		this.settings = settings;
	}

	public static String path(Survey survey, Survey.Community community) {
		return "/s/" + survey.code() + "/" + community.code();
	}

	/** With the configured base URL, or else the one the current request came in on. */
	public String url(Survey survey, Survey.Community community) {
		String base = settings.baseUrl() != null && !settings.baseUrl().isBlank()
				? settings.baseUrl().replaceAll("/+$", "")
				: ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
		return base + path(survey, community);
	}

}
