package chengguan.platform.ratelimit;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Buckets in memory hold for one node; buckets in Redis hold across nodes: two limiters standing for two nodes
 * grant the allowance once between them, whichever node a client alternates to.
 */
class RateLimiterTest {

	private static final RateLimit THREE_PER_HOUR = new RateLimit(3, Duration.ofHours(1));

	private static final String REDIS = System.getenv().getOrDefault("CHENGGUAN_TEST_REDIS_URL", "redis://127.0.0.1:6379/15");

	@Test
	void inMemoryTheFourthRequestWaitsAboutAQuarterOfThePeriod() throws Exception {
		RateLimiter limiter = new RateLimiter(new RateLimitProperties(null, null));
		for (int i = 0; i < 3; i++) {
			assertThat(limiter.tryConsume("ip:10.0.0.1", THREE_PER_HOUR)).isZero();
		}
		Duration wait = limiter.tryConsume("ip:10.0.0.1", THREE_PER_HOUR);
		assertThat(wait).isBetween(Duration.ofMinutes(19), Duration.ofMinutes(20));
		assertThat(limiter.tryConsume("ip:10.0.0.2", THREE_PER_HOUR)).isZero();
		limiter.destroy();
	}

	@Test
	void twoNodesSharingRedisGrantTheAllowanceOnceBetweenThem() throws Exception {
		assumeTrue(redisAnswers(), "no Redis at " + REDIS);
		RateLimiter nodeA = new RateLimiter(new RateLimitProperties(REDIS, null));
		RateLimiter nodeB = new RateLimiter(new RateLimitProperties(REDIS, null));
		try {
			String key = "ip:test-" + UUID.randomUUID();
			int granted = 0;
			for (int i = 0; i < 8; i++) {
				RateLimiter node = i % 2 == 0 ? nodeA : nodeB;
				if (node.tryConsume(key, THREE_PER_HOUR).isZero()) {
					granted++;
				}
			}
			assertThat(granted).isEqualTo(3);
			assertThat(nodeB.tryConsume(key, THREE_PER_HOUR)).isPositive();
		}
		finally {
			nodeA.destroy();
			nodeB.destroy();
		}
	}

	private static boolean redisAnswers() {
		java.net.URI uri = java.net.URI.create(REDIS);
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 500);
			return true;
		}
		catch (java.io.IOException ex) {
			return false;
		}
	}

}
