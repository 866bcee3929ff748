package chengguan.platform;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param timeZone the zone in which people read times and in which days and months begin;
 *                 instants are stored in UTC
 */
@ConfigurationProperties("chengguan")
public record PlatformProperties(ZoneId timeZone) {

	public PlatformProperties {
		if (timeZone == null) {
			timeZone = ZoneId.of("Asia/Shanghai");
		}
	}

}
