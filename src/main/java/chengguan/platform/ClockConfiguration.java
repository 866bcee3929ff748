package chengguan.platform;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	/** Every rule that depends on "now" takes this clock, so tests can move time. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
