package chengguan.engagement;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import chengguan.platform.ratelimit.RateLimit;

/**
 * @param registrationsPerIp registrations from one address on the public page (a carrier puts many phones behind
 *                           one address, a community event signs many people up at once: not too tight)
 */
@ConfigurationProperties("chengguan.volunteers")
public record VolunteerProperties(RateLimit registrationsPerIp) {

	public VolunteerProperties {
		registrationsPerIp = registrationsPerIp != null ? registrationsPerIp : new RateLimit(10, Duration.ofHours(1));
	}

}
