package chengguan.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import chengguan.intake.IntakeService;
import chengguan.platform.notification.Notifications;
import chengguan.platform.web.ConflictException;

/**
 * 回访 that always ends: on one node (ShedLock), reminds the reporters of closed, unrated cases once after
 * {@code reminderAfter}, and ends a case still unrated after {@code period} as 未评价 — a state of its own, never
 * counted as satisfied. Staff can still record a 电话回访 or 销号 by hand until then.
 */
@Component
class FollowUpScan {

	/**
	 * @param reminderAfter how long after closure the reporter is reminded to rate (default 3 days)
	 * @param period how long after closure an unrated case ends as 未评价 (default 7 days)
	 */
	@ConfigurationProperties("chengguan.cases.follow-up")
	public record Settings(Duration reminderAfter, Duration period) {

		public Settings {
			reminderAfter = reminderAfter == null ? Duration.ofDays(3) : reminderAfter;
			period = period == null ? Duration.ofDays(7) : period;
		}

	}

	private static final Logger log = LoggerFactory.getLogger(FollowUpScan.class);

	private static final int BATCH = 500;

	private final JdbcClient jdbc;

	private final CaseService cases;

	private final IntakeService intake;

	private final Notifications notifications;

	private final DueTimes dueTimes;

	private final Settings settings;

	private final Clock clock;

	private final TransactionTemplate transactions;

	FollowUpScan(JdbcClient jdbc, CaseService cases, IntakeService intake, Notifications notifications,
			DueTimes dueTimes, Settings settings, Clock clock, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.intake = intake;
		this.notifications = notifications;
		this.dueTimes = dueTimes;
		this.settings = settings;
		this.clock = clock;
		this.transactions = transactions;
	}

	@Scheduled(fixedDelayString = "${chengguan.cases.follow-up.scan-interval:PT10M}", initialDelayString = "PT40S")
	@SchedulerLock(name = "case-follow-up-scan", lockAtMostFor = "PT30M")
	void scheduled() {
		scan();
	}

	private record Closed(long id, long reportId, String trackingCode, Instant closedAt, boolean reminded) {
	}

	/**
	 * One case per transaction, so a case someone rates meanwhile does not undo the others.
	 * @return how many cases were reminded or ended
	 */
	int scan() {
		Instant now = clock.instant();
		// the oldest closure that is due for a reminder; the expiry cut-off is always older (period ≥ reminder)
		List<Closed> due = jdbc.sql("""
				SELECT id, report_id, tracking_code, closed_at, follow_up_reminded_at IS NOT NULL
				FROM case_file WHERE state = 'CLOSED' AND closed_at <= ? ORDER BY closed_at LIMIT""" + " " + BATCH)
			.param(OffsetDateTime.ofInstant(now.minus(settings.reminderAfter()), ZoneOffset.UTC))
			.query((rs, n) -> new Closed(rs.getLong(1), rs.getLong(2), rs.getString(3),
					chengguan.platform.persistence.DbTime.instant(rs, 4), rs.getBoolean(5)))
			.list();
		int done = 0;
		for (Closed c : due) {
			if (!now.isBefore(dueTimes.followUpEnds(c.closedAt(), settings.period()))) {
				Boolean ended = transactions.execute(status -> {
					try {
						return cases.expireUnrated(c.id(), settings.period());
					}
					catch (ConflictException movedOn) {
						status.setRollbackOnly();
						return false;
					}
				});
				if (Boolean.TRUE.equals(ended)) {
					log.info("Case {} ended as 未评价 after the 回访 period", c.id());
					done++;
				}
			}
			else if (!c.reminded() && !now.isBefore(dueTimes.followUpReminder(c.closedAt(), settings.reminderAfter()))) {
				Boolean reminded = transactions.execute(status -> remind(c));
				done += Boolean.TRUE.equals(reminded) ? 1 : 0;
			}
		}
		return done;
	}

	private boolean remind(Closed c) {
		int marked = jdbc.sql("""
				UPDATE case_file SET follow_up_reminded_at = ?
				WHERE id = ? AND state = 'CLOSED' AND follow_up_reminded_at IS NULL""")
			.params(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), c.id())
			.update();
		if (marked != 1) {
			return false;
		}
		for (String phone : intake.reporterPhones(c.reportId())) {
			notifications.enqueue(Notifications.SMS, phone, "【城管进社区】您反映的问题（查询码 " + c.trackingCode()
					+ "）已办结，请凭查询码在扫码页面评价；" + settings.period().toDays() + " 天内未评价的将以“未评价”结束。");
		}
		return true;
	}

}
