package chengguan.platform.ratelimit;

import java.time.Duration;

/** At most {@code capacity} requests per {@code period}, refilled smoothly. */
public record RateLimit(long capacity, Duration period) {

	public RateLimit {
		if (capacity < 1 || period == null || period.isZero() || period.isNegative()) {
			throw new IllegalArgumentException("A rate limit needs a positive capacity and period");
		}
	}

}
