package chengguan.fieldwork;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import chengguan.platform.PlatformProperties;
import chengguan.platform.notification.Notifications;
import chengguan.platform.security.DataScope;

import static chengguan.platform.persistence.DbTime.utc;

/**
 * Texts the people who are behind on their community visits while there is still time: when the current rule
 * period (week or month) ends within a few days and its rule is not met yet. Once per person, community and
 * period, through the notification outbox.
 */
@Component
public class VisitReminders {

	/**
	 * @param weeklyDaysBefore remind this many days before a week ends (2: on Friday for a Monday–Sunday week)
	 * @param monthlyDaysBefore remind this many days before a month ends
	 */
	@ConfigurationProperties("chengguan.fieldwork.reminders")
	public record Settings(Integer weeklyDaysBefore, Integer monthlyDaysBefore) {

		public Settings {
			weeklyDaysBefore = weeklyDaysBefore == null ? 2 : weeklyDaysBefore;
			monthlyDaysBefore = monthlyDaysBefore == null ? 7 : monthlyDaysBefore;
		}

	}

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日");

	private final VisitComplianceReport report;

	private final Notifications notifications;

	private final JdbcClient jdbc;

	private final PlatformProperties platform;

	private final Settings settings;

	private final Clock clock;

	VisitReminders(VisitComplianceReport report, Notifications notifications, JdbcClient jdbc,
			PlatformProperties platform, Settings settings, Clock clock) {
		this.report = report;
		this.notifications = notifications;
		this.jdbc = jdbc;
		this.platform = platform;
		this.settings = settings;
		this.clock = clock;
	}

	@Scheduled(cron = "${chengguan.fieldwork.reminders.cron:0 0 9 * * *}", zone = "${chengguan.time-zone:Asia/Shanghai}")
	@SchedulerLock(name = "visit-reminders", lockAtMostFor = "PT30M")
	public void scheduled() {
		remind();
	}

	/** @return how many reminders were queued */
	@Transactional
	public int remind() {
		LocalDate today = LocalDate.ofInstant(clock.instant(), platform.timeZone());
		// from the earlier of this week's Monday and the month's 1st, so the last period of each row is the current
		// one, counted from its first day
		LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		LocalDate firstOfMonth = today.withDayOfMonth(1);
		LocalDate from = monday.isBefore(firstOfMonth) ? monday : firstOfMonth;
		int sent = 0;
		for (VisitComplianceReport.Row row : report.report(DataScope.EVERYWHERE, from, today)) {
			if (row.rule().isEmpty() || row.duty().staffPhone() == null || row.duty().staffPhone().isBlank()) {
				continue;
			}
			VisitRule rule = row.rule().get();
			List<VisitCompliance.Period> periods = row.result().orElseThrow().periods();
			VisitCompliance.Period period = periods.get(periods.size() - 1);
			long daysLeft = ChronoUnit.DAYS.between(today, period.end());
			int window = rule.period() == VisitPeriod.WEEK ? settings.weeklyDaysBefore() : settings.monthlyDaysBefore();
			if (period.met() || daysLeft > window) {
				continue;
			}
			int inserted = jdbc.sql("""
					INSERT INTO visit_reminder (staff_id, community_id, period_start, sent_at)
					SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM visit_reminder
					    WHERE staff_id = ? AND community_id = ? AND period_start = ?)""")
				.params(row.duty().staffId(), row.duty().communityId(), period.start(), utc(clock.instant()),
						row.duty().staffId(), row.duty().communityId(), period.start())
				.update();
			if (inserted == 1) {
				notifications.enqueue(Notifications.SMS, row.duty().staffPhone(), message(row, rule, period));
				sent++;
			}
		}
		return sent;
	}

	static String message(VisitComplianceReport.Row row, VisitRule rule, VisitCompliance.Period period) {
		StringBuilder text = new StringBuilder("【城管进社区】").append(row.duty().staffName())
			.append("同志：")
			.append(rule.period() == VisitPeriod.WEEK ? "本周" : "本月")
			.append("（")
			.append(period.start().format(DAY))
			.append("–")
			.append(period.end().format(DAY))
			.append("）您走访")
			.append(row.duty().communityName())
			.append(period.countedVisits())
			.append("次");
		if (rule.minMinutesPerVisit() > 0) {
			text.append("（每次不少于").append(hours(rule.minMinutesPerVisit())).append("才计入）");
		}
		List<String> required = new java.util.ArrayList<>();
		if (rule.minVisits() > 0) {
			required.add("不少于" + rule.minVisits() + "次");
		}
		if (period.requiredDays() > 0) {
			required.add("固定" + period.requiredDays() + "个工作日（已" + period.days() + "个）");
		}
		text.append("，要求").append(String.join("、", required));
		return text.append("，请在").append(period.end().format(DAY)).append("前完成。").toString();
	}

	private static String hours(int minutes) {
		return minutes % 60 == 0 ? minutes / 60 + "小时" : minutes + "分钟";
	}

}
