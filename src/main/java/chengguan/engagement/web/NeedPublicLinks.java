package chengguan.engagement.web;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import chengguan.platform.web.PublicAddresses;

/**
 * The addresses printed under QR codes of the public suggestions page (/n/{communityCode}) and of an event's
 * sign-up page (/e/{eventCode}): on the configured public base URL, or else the one the request came in on.
 */
@Component
class NeedPublicLinks {

	private final PublicAddresses.Settings settings;

	NeedPublicLinks(PublicAddresses.Settings settings) {
		this.settings = settings;
	}

	String suggestionsPage(String communityCode) {
		return base() + "/n/" + communityCode;
	}

	String eventPage(String eventCode) {
		return base() + "/e/" + eventCode;
	}

	private String base() {
		if (settings.baseUrl() != null && !settings.baseUrl().isBlank()) {
			return settings.baseUrl().replaceAll("/+$", "");
		}
		return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
	}

}
