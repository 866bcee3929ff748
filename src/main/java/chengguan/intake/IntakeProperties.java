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
 * @param commonCategories the category codes offered as one-tap buttons on the reporting page, in this order
 */
@ConfigurationProperties("chengguan.intake")
public record IntakeProperties(int maxPhotos, int maxDescriptionLength, int duplicateDistanceMeters,
		Duration duplicateWindow, RateLimit reportsPerIp, RateLimit reportsPerPhone, RateLimit lookupsPerIp,
		java.util.List<String> commonCategories) {

	public IntakeProperties {
		maxPhotos = maxPhotos > 0 ? maxPhotos : 6;
		maxDescriptionLength = maxDescriptionLength > 0 ? maxDescriptionLength : 1000;
		duplicateDistanceMeters = duplicateDistanceMeters > 0 ? duplicateDistanceMeters : 100;
		duplicateWindow = duplicateWindow != null ? duplicateWindow : Duration.ofHours(72);
		reportsPerIp = reportsPerIp != null ? reportsPerIp : new RateLimit(30, Duration.ofHours(1));
		reportsPerPhone = reportsPerPhone != null ? reportsPerPhone : new RateLimit(10, Duration.ofDays(1));
		lookupsPerIp = lookupsPerIp != null ? lookupsPerIp : new RateLimit(120, Duration.ofMinutes(1));
		commonCategories = commonCategories == null || commonCategories.isEmpty()
				? java.util.List.of("E0101", "E050101", "E050201", "E0503", "E05050103", "E050401", "E0110", "C0109")
				: java.util.List.copyOf(commonCategories);
	}

}
