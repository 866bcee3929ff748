package chengguan.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** A clock tests can move; it starts at the real "now" and can be put back there. */
public class MutableClock extends Clock {

	private volatile Instant now = realNow();

	public void advance(Duration duration) {
		now = now.plus(duration);
	}

	public void setTo(Instant instant) {
		now = instant.truncatedTo(ChronoUnit.MICROS);
	}

	public void reset() {
		now = realNow();
	}

	/** Microseconds, like the application's clock and PostgreSQL's timestamps. */
	private static Instant realNow() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

	@Override
	public Instant instant() {
		return now;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("The platform keeps instants in UTC");
	}

}
