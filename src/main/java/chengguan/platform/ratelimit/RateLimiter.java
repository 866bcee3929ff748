package chengguan.platform.ratelimit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Token buckets, kept out of the database: a bucket row updated on every request was a write, a lock and a
 * transaction per limited request (and a hot row that piled up dead tuples). On one node the buckets live in this
 * node's memory, which is then the whole platform. Several nodes share them in Redis
 * ({@code chengguan.rate-limit.redis-url}, set by the {@code cluster} profile), so a client cannot double its
 * allowance by alternating nodes.
 */
@Service
public class RateLimiter implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

	private static final String REDIS_KEY_PREFIX = "chengguan:rate-limit:";

	private final RedisClient redis;

	/** Connected on first use and again after a failure, so a node starts (and limits locally) while Redis is away. */
	private volatile ProxyManager<byte[]> sharedBuckets;

	private volatile long retryConnectAfterNanos;

	private final Map<String, LocalBucket> localBuckets = new ConcurrentHashMap<>();

	private record LocalBucket(Bucket bucket, long capacity) {
	}

	RateLimiter(RateLimitProperties settings) {
		if (settings.redisUrl() == null) {
			this.redis = null;
			return;
		}
		RedisURI uri = RedisURI.create(settings.redisUrl());
		uri.setTimeout(settings.redisTimeout());
		this.redis = RedisClient.create(uri);
		log.info("Rate limits are shared through Redis at {}", uri.getHost() + ":" + uri.getPort());
	}

	private ProxyManager<byte[]> sharedBuckets() {
		ProxyManager<byte[]> buckets = sharedBuckets;
		if (buckets != null || System.nanoTime() - retryConnectAfterNanos < 0) {
			return buckets;
		}
		synchronized (this) {
			if (sharedBuckets == null && System.nanoTime() - retryConnectAfterNanos >= 0) {
				try {
					// a bucket that has refilled completely holds nothing a fresh one would not: Redis forgets it
					sharedBuckets = Bucket4jLettuce.casBasedBuilder(redis)
						.expirationAfterWrite(
								ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
						.build();
				}
				catch (RuntimeException ex) {
					retryConnectAfterNanos = System.nanoTime() + Duration.ofSeconds(5).toNanos();
					log.warn("Rate limits not shared: Redis did not answer ({}); limiting on this node for now",
							ex.toString());
				}
			}
			return sharedBuckets;
		}
	}

	/**
	 * Takes one token from the bucket named {@code key}.
	 * @return zero when allowed; otherwise how long until a token is back
	 */
	public Duration tryConsume(String key, RateLimit limit) {
		Bandwidth bandwidth = Bandwidth.builder()
			.capacity(limit.capacity())
			.refillGreedy(limit.capacity(), limit.period())
			.build();
		ConsumptionProbe probe = null;
		ProxyManager<byte[]> sharedBuckets = redis == null ? null : sharedBuckets();
		if (sharedBuckets != null) {
			BucketConfiguration configuration = BucketConfiguration.builder().addLimit(bandwidth).build();
			// the limit is part of the key: a changed setting starts new buckets instead of meeting old state
			byte[] redisKey = (REDIS_KEY_PREFIX + key + ":" + limit.capacity() + "/" + limit.period().toSeconds())
				.getBytes(StandardCharsets.UTF_8);
			try {
				probe = sharedBuckets.builder().build(redisKey, () -> configuration).tryConsumeAndReturnRemaining(1);
			}
			catch (RuntimeException ex) {
				// Redis away: this node's own buckets stand in (a limit per node is better than none)
				log.warn("Rate limit checked on this node only, Redis did not answer: {}", ex.toString());
			}
		}
		if (probe == null) {
			probe = localBuckets
				.computeIfAbsent(key, k -> new LocalBucket(Bucket.builder().addLimit(bandwidth).build(), limit.capacity()))
				.bucket()
				.tryConsumeAndReturnRemaining(1);
		}
		return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
	}

	/**
	 * Forgets this node's buckets that have refilled completely. Every node keeps its own, so this runs on every
	 * node (no ShedLock); Redis expires the shared ones itself.
	 */
	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT2M")
	void removeRefilledBuckets() {
		int before = localBuckets.size();
		localBuckets.values().removeIf(entry -> entry.bucket().getAvailableTokens() >= entry.capacity());
		int removed = before - localBuckets.size();
		if (removed > 0) {
			log.debug("Removed {} idle rate-limit buckets", removed);
		}
	}

	@Override
	public void destroy() {
		if (redis != null) {
			redis.shutdown();
		}
	}

}
