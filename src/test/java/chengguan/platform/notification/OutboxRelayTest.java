package chengguan.platform.notification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import chengguan.support.IntegrationTest;
import chengguan.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/** A channel that is down loses nothing: the message waits in the outbox and goes out once the channel is back. */
@IntegrationTest
class OutboxRelayTest {

	@Autowired
	Notifications notifications;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Test
	void aFailingChannelIsRetriedWithGrowingPausesUntilItDelivers() {
		String recipient = "1350000" + System.nanoTime() % 10_000;
		List<String> delivered = new ArrayList<>();
		int[] failuresLeft = { 2 };
		NotificationChannel flaky = new NotificationChannel() {
			@Override
			public String name() {
				return "FLAKY";
			}

			@Override
			public void send(String to, String message) {
				if (failuresLeft[0]-- > 0) {
					throw new IllegalStateException("gateway timeout");
				}
				delivered.add(to + ":" + message);
			}
		};
		OutboxRelay relay = new OutboxRelay(jdbc, List.of(flaky), clock);
		jdbc.sql("DELETE FROM notification_outbox WHERE channel = 'FLAKY'").update();
		notifications.enqueue("FLAKY", recipient, "您反映的问题已受理");

		assertThat(relay.deliverDue()).isZero();
		assertThat(relay.deliverDue()).as("not due again before the pause").isZero();
		clock.advance(Duration.ofMinutes(1));
		assertThat(relay.deliverDue()).isZero();
		clock.advance(Duration.ofMinutes(1));
		assertThat(relay.deliverDue()).as("the second pause is 2 minutes").isZero();
		clock.advance(Duration.ofMinutes(1));
		assertThat(relay.deliverDue()).isEqualTo(1);
		assertThat(delivered).containsExactly(recipient + ":您反映的问题已受理");
		assertThat(relay.deliverDue()).as("sent once, never again").isZero();
		record Row(int attempts, String error, boolean sent) {
		}
		Row row = jdbc.sql("SELECT attempts, last_error, sent_at IS NOT NULL FROM notification_outbox WHERE recipient = ?")
			.param(recipient).query((rs, n) -> new Row(rs.getInt(1), rs.getString(2), rs.getBoolean(3))).single();
		assertThat(row.attempts()).isEqualTo(3);
		assertThat(row.sent()).isTrue();
		assertThat(row.error()).isNull();
	}

}
