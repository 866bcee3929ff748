package chengguan.platform.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import static chengguan.platform.persistence.DbTime.utc;

/**
 * Delivers what the outbox holds. One node at a time (ShedLock); a failed delivery is retried with a growing pause
 * (1, 2, 4 … minutes, at most an hour) up to {@value #MAX_ATTEMPTS} attempts, then left for a person to look at.
 */
@Component
class OutboxRelay {

	static final int MAX_ATTEMPTS = 12;

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private static final int BATCH = 100;

	private final JdbcClient jdbc;

	private final Map<String, NotificationChannel> channels;

	private final Clock clock;

	OutboxRelay(JdbcClient jdbc, List<NotificationChannel> channels, Clock clock) {
		this.jdbc = jdbc;
		this.channels = channels.stream().collect(Collectors.toMap(NotificationChannel::name, Function.identity()));
		this.clock = clock;
	}

	record Pending(long id, String channel, String recipient, String message, int attempts) {
	}

	@Scheduled(fixedDelayString = "${chengguan.notifications.relay-interval:PT15S}", initialDelayString = "PT20S")
	@SchedulerLock(name = "notification-outbox", lockAtMostFor = "PT5M")
	void relay() {
		deliverDue();
	}

	/** @return how many messages were delivered */
	int deliverDue() {
		Instant now = clock.instant();
		List<Pending> due = jdbc.sql("""
				SELECT id, channel, recipient, message, attempts FROM notification_outbox
				WHERE sent_at IS NULL AND next_attempt_at <= ? AND attempts < ?
				ORDER BY next_attempt_at, id LIMIT\s""" + BATCH)
			.params(utc(now), MAX_ATTEMPTS)
			.query((rs, n) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getInt(5)))
			.list();
		int delivered = 0;
		for (Pending message : due) {
			NotificationChannel channel = channels.get(message.channel());
			try {
				if (channel == null) {
					throw new IllegalStateException("no channel named " + message.channel());
				}
				channel.send(message.recipient(), message.message());
				jdbc.sql("UPDATE notification_outbox SET sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?")
					.params(utc(clock.instant()), message.id())
					.update();
				delivered++;
			}
			catch (Exception ex) {
				Duration pause = Duration.ofMinutes(Math.min(60, 1L << Math.min(message.attempts(), 6)));
				String error = String.valueOf(ex.getMessage());
				jdbc.sql("""
						UPDATE notification_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?
						WHERE id = ?""")
					.params(utc(clock.instant().plus(pause)), error.length() > 500 ? error.substring(0, 500) : error,
							message.id())
					.update();
				log.warn("Notification {} via {} failed (attempt {}): {}", message.id(), message.channel(),
						message.attempts() + 1, error);
			}
		}
		return delivered;
	}


}
