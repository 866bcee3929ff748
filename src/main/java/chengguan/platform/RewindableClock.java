package chengguan.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * The platform's clock: the system's, except that a piece of work may run "at" a past moment on its own thread —
 * how the demo data plays a year of cases through the real services while requests and scheduled jobs on other
 * threads keep the real time.
 */
public final class RewindableClock extends Clock {

	private final Clock system;

	private final ThreadLocal<Instant> override = new ThreadLocal<>();

	public RewindableClock(Clock system) {
		this.system = system;
	}

	/** Runs the work on this thread with the clock reading {@code instant}. */
	public <T> T at(Instant instant, Supplier<T> work) {
		Instant before = override.get();
		override.set(instant);
		try {
			return work.get();
		}
		finally {
			if (before == null) {
				override.remove();
			}
			else {
				override.set(before);
			}
		}
	}

	@Override
	public Instant instant() {
		Instant rewound = override.get();
		return rewound != null ? rewound : system.instant();
	}

	@Override
	public ZoneId getZone() {
		return system.getZone();
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("The platform keeps instants in UTC");
	}

}
