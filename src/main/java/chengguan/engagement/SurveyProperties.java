package chengguan.engagement;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import chengguan.platform.ratelimit.RateLimit;

/**
 * @param answersPerIp answers sent from one address; generous, because a carrier or a community centre's Wi-Fi puts
 *                     many phones behind one address
 * @param answersPerDevice answers sent (refused ones included) from one device token, across all surveys
 * @param deviceCookieAge how long a browser keeps its device token (browsers cap cookies at 400 days)
 */
@ConfigurationProperties("chengguan.survey")
public record SurveyProperties(RateLimit answersPerIp, RateLimit answersPerDevice, Duration deviceCookieAge) {

	public SurveyProperties {
		answersPerIp = answersPerIp != null ? answersPerIp : new RateLimit(60, Duration.ofHours(1));
		answersPerDevice = answersPerDevice != null ? answersPerDevice : new RateLimit(10, Duration.ofHours(1));
		deviceCookieAge = deviceCookieAge != null ? deviceCookieAge : Duration.ofDays(400);
	}

}
