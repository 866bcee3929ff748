package chengguan.intake;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import chengguan.platform.ratelimit.RateLimit;

/**
 * @param maxPhotos photos per report
 * @param maxDescriptionLength characters in a description
 * @param duplicateDistanceMeters how close two reports of one category must be to look like one problem
 * @param duplicateWindow how recent an open report must be to count as a candidate
 * @param reportsPerIp submissions from one address; generous, because a mobile carrier puts many phones behind one
 * @param reportsPerPhone submissions naming one phone number
 * @param lookupsPerIp status-page and rating requests from one address
 */
@ConfigurationProperties("chengguan.intake")
public record IntakeProperties(int maxPhotos, int maxDescriptionLength, int duplicateDistanceMeters,
		Duration duplicateWindow, RateLimit reportsPerIp, RateLimit reportsPerPhone, RateLimit lookupsPerIp) {

	public IntakeProperties {
		maxPhotos = maxPhotos > 0 ? maxPhotos : 6;
		maxDescriptionLength = maxDescriptionLength > 0 ? maxDescriptionLength : 1000;
		duplicateDistanceMeters = duplicateDistanceMeters > 0 ? duplicateDistanceMeters : 100;
		duplicateWindow = duplicateWindow != null ? duplicateWindow : Duration.ofHours(72);
		reportsPerIp = reportsPerIp != null ? reportsPerIp : new RateLimit(30, Duration.ofHours(1));
		reportsPerPhone = reportsPerPhone != null ? reportsPerPhone : new RateLimit(10, Duration.ofDays(1));
		lookupsPerIp = lookupsPerIp != null ? lookupsPerIp : new RateLimit(120, Duration.ofMinutes(1));
	}

}
