package chengguan.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The public addresses that printed QR codes and notice cards point to for years. They are written here once
 * and must not change; controllers map exactly these paths.
 */
@Component
public class PublicAddresses {

	public static final String REPORT_PAGE = "/r/{regionCode}";

	public static final String STATUS_PAGE = "/t/{trackingCode}";

	public static final String NOTICE_CARD = "/public/communities/{communityCode}";

	/** @param baseUrl the address residents reach the platform at, e.g. https://cgjsq.example.gov.cn */
	@ConfigurationProperties("chengguan.public")
	public record Settings(String baseUrl) {
	}

	private final Settings settings;

	PublicAddresses(Settings settings) {
		this.settings = settings;
	}

	public String reportPage(String regionCode) {
		return base() + REPORT_PAGE.replace("{regionCode}", regionCode);
	}

	public String statusPage(String trackingCode) {
		return base() + STATUS_PAGE.replace("{trackingCode}", trackingCode);
	}

	/** The configured base URL, or else the one this request came in on. */
	private String base() {
		if (settings.baseUrl() != null && !settings.baseUrl().isBlank()) {
			return settings.baseUrl().replaceAll("/+$", "");
		}
		return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
	}

}
