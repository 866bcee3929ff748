package chengguan.platform.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

import chengguan.platform.PlatformProperties;

/** Shows stored UTC instants in the platform's time zone; templates call it as {@code @displayTime}. */
@Component("displayTime")
public class DisplayTime {

	private final DateTimeFormatter dateTime;

	private final DateTimeFormatter date;

	DisplayTime(PlatformProperties properties) {
		this.dateTime = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(properties.timeZone());
		this.date = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(properties.timeZone());
	}

	public String format(Instant instant) {
		return instant == null ? "" : dateTime.format(instant);
	}

	public String formatDate(Instant instant) {
		return instant == null ? "" : date.format(instant);
	}

}
