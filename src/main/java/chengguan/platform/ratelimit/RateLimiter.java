package chengguan.platform.ratelimit;

import java.time.Duration;

import javax.sql.DataSource;

import io.github.bucket4j.Bandwidth;
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
 * Token buckets kept in the table {@code rate_limit_bucket}, so a limit holds across all nodes. The same
 * SELECT … FOR UPDATE statements run on PostgreSQL and on H2 in PostgreSQL mode.
 */
@Service
public class RateLimiter {

	private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

	private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

	RateLimiter(DataSource dataSource) {
		this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table("rate_limit_bucket")
			.idColumn("id")
			.stateColumn("state")
			.expiresAtColumn("expires_at")
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
			.build();
	}

	/**
	 * Takes one token from the bucket named {@code key}.
	 * @return zero when allowed; otherwise how long until a token is back
	 */
	public Duration tryConsume(String key, RateLimit limit) {
		BucketConfiguration configuration = BucketConfiguration.builder()
			.addLimit(Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()).build())
			.build();
		ConsumptionProbe probe = buckets.builder().build(key, () -> configuration).tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
	}

	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT2M")
	@SchedulerLock(name = "rate-limit-cleanup")
	void removeExpiredBuckets() {
		int removed;
		int total = 0;
		do {
			removed = buckets.removeExpired(1000);
			total += removed;
		}
		while (removed == 1000);
		if (total > 0) {
			log.debug("Removed {} expired rate-limit buckets", total);
		}
	}

}
