package chengguan.platform.persistence;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param ttl how long a node keeps a region or category it looked up; an edit on another node is seen after at
 *            most this long (an edit on the same node at once); 0 turns the caches off
 */
@ConfigurationProperties("chengguan.reference-cache")
public record ReferenceCacheProperties(Duration ttl) {

	public ReferenceCacheProperties {
		ttl = ttl != null ? ttl : Duration.ofSeconds(3);
	}

}
