package chengguan.platform;

import java.time.Clock;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	/**
	 * Every rule that depends on "now" takes this clock, so tests can move time. It ticks in microseconds, the
	 * precision PostgreSQL keeps, so an instant read back equals the one written. The demo data rewinds it on its
	 * own thread only.
	 */
	@Bean
	Clock clock() {
		return new RewindableClock(Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000)));
	}

}
