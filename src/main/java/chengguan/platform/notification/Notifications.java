package chengguan.platform.notification;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Puts messages in the outbox; call it inside the transaction of the change the message reports. */
@Service
public class Notifications {

	public static final String SMS = LoggingSmsChannel.NAME;

	private static final int MAX_MESSAGE = 1000;

	private final JdbcClient jdbc;

	private final Clock clock;

	Notifications(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public void enqueue(String channel, String recipient, String message) {
		OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
		jdbc.sql("""
				INSERT INTO notification_outbox (channel, recipient, message, created_at, next_attempt_at)
				VALUES (?, ?, ?, ?, ?)""")
			.params(channel, recipient, message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message, now,
					now)
			.update();
	}

}
