package chengguan.platform.ratelimit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Token buckets. On PostgreSQL they live in the table {@code rate_limit_bucket} (SELECT … FOR UPDATE), so a limit
 * holds across all nodes. The embedded H2 database serves one node only, and Bucket4j's SQL for it does not run on
 * H2, so there the buckets are kept in this node's memory, which is then the whole platform.
 */
@Service
public class RateLimiter {

	private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

	private final PostgreSQLSelectForUpdateBasedProxyManager<String> sharedBuckets;

	private final Map<String, LocalBucket> localBuckets = new ConcurrentHashMap<>();

	private record LocalBucket(Bucket bucket, long capacity) {
	}

	RateLimiter(DataSource dataSource) throws SQLException {
		this.sharedBuckets = isPostgreSql(dataSource) ? Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table("rate_limit_bucket")
			.idColumn("id")
			.stateColumn("state")
			.expiresAtColumn("expires_at")
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
			.build() : null;
	}

	private static boolean isPostgreSql(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
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
		ConsumptionProbe probe;
		if (sharedBuckets != null) {
			BucketConfiguration configuration = BucketConfiguration.builder().addLimit(bandwidth).build();
			probe = sharedBuckets.builder().build(key, () -> configuration).tryConsumeAndReturnRemaining(1);
		}
		else {
			probe = localBuckets
				.computeIfAbsent(key, k -> new LocalBucket(Bucket.builder().addLimit(bandwidth).build(), limit.capacity()))
				.bucket()
				.tryConsumeAndReturnRemaining(1);
		}
		return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
	}

	/** Forgets buckets that have refilled completely: they hold nothing a fresh bucket would not. */
	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT2M")
	@SchedulerLock(name = "rate-limit-cleanup")
	void removeExpiredBuckets() {
		int total = 0;
		if (sharedBuckets != null) {
			int removed;
			do {
				removed = sharedBuckets.removeExpired(1000);
				total += removed;
			}
			while (removed == 1000);
		}
		int before = localBuckets.size();
		localBuckets.values().removeIf(entry -> entry.bucket().getAvailableTokens() >= entry.capacity());
		total += before - localBuckets.size();
		if (total > 0) {
			log.debug("Removed {} idle rate-limit buckets", total);
		}
	}

}
