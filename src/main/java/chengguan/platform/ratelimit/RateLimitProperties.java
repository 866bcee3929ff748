package chengguan.platform.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param redisUrl where the buckets shared by all nodes live, e.g. {@code redis://127.0.0.1:6379/0}; empty keeps
 *                 them in this node's memory (one node only: with several, each would grant the full allowance)
 * @param redisTimeout how long a request waits for Redis before it fails
 */
@ConfigurationProperties("chengguan.rate-limit")
public record RateLimitProperties(String redisUrl, Duration redisTimeout) {

	public RateLimitProperties {
		redisUrl = redisUrl == null || redisUrl.isBlank() ? null : redisUrl.strip();
		redisTimeout = redisTimeout != null ? redisTimeout : Duration.ofSeconds(2);
	}

}
