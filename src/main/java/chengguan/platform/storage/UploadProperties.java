package chengguan.platform.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxImageBytes  largest accepted photo upload
 * @param maxImagePixels largest accepted width × height, so a small file cannot expand into gigabytes
 * @param maxImageEdge   longest edge of the stored, re-encoded photo
 */
@ConfigurationProperties("chengguan.uploads")
public record UploadProperties(long maxImageBytes, long maxImagePixels, int maxImageEdge) {

	public UploadProperties {
		maxImageBytes = maxImageBytes > 0 ? maxImageBytes : 5L * 1024 * 1024;
		maxImagePixels = maxImagePixels > 0 ? maxImagePixels : 40_000_000L;
		maxImageEdge = maxImageEdge > 0 ? maxImageEdge : 1600;
	}

}
