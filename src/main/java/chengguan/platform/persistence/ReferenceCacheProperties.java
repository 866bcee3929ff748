package chengguan.platform.persistence;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param ttl the longest a node keeps a region or category it looked up; 0 turns the caches off
 * @param checkInterval how often each node compares a fingerprint of the region and category tables with the last
 *                      one (two small queries), so an edit on another node is seen within about this long
 */
@ConfigurationProperties("chengguan.reference-cache")
public record ReferenceCacheProperties(Duration ttl, Duration checkInterval) {

	public ReferenceCacheProperties {
		ttl = ttl != null ? ttl : Duration.ofMinutes(5);
		checkInterval = checkInterval != null ? checkInterval : Duration.ofSeconds(1);
	}

}
