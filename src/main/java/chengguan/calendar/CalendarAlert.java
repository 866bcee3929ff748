package chengguan.calendar;

import java.time.Clock;
import java.util.Optional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import chengguan.platform.audit.AuditAction;
import chengguan.platform.audit.AuditLog;

import static chengguan.platform.persistence.DbTime.utc;

/**
 * From 1 December, once a day on one node: if next year's calendar is missing, admins are told once (an audit entry
 * they find under 审计日志, beside the banner on the calendar page, which shows until the year is imported).
 */
@Component
class CalendarAlert {

	private final WorkCalendar calendar;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final MessageSource messages;

	private final Clock clock;

	CalendarAlert(WorkCalendar calendar, JdbcClient jdbc, AuditLog audit, MessageSource messages, Clock clock) {
		this.calendar = calendar;
		this.jdbc = jdbc;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	@Scheduled(cron = "${chengguan.calendar.alert-cron:0 10 8 * * *}", zone = "${chengguan.time-zone:Asia/Shanghai}")
	@SchedulerLock(name = "work-calendar-alert", lockAtMostFor = "PT10M")
	void scheduled() {
		raise();
	}

	/** @return the year alerted now, if one was (never twice for the same year) */
	@Transactional
	public Optional<Integer> raise() {
		Optional<Integer> missing = calendar.missingYear();
		if (missing.isEmpty()) {
			return Optional.empty();
		}
		int year = missing.get();
		boolean told = jdbc.sql("SELECT COUNT(*) FROM work_calendar_alert WHERE calendar_year = ?")
			.param(year)
			.query(Integer.class)
			.single() > 0;
		if (told) {
			return Optional.empty();
		}
		jdbc.sql("INSERT INTO work_calendar_alert (calendar_year, alerted_at) VALUES (?, ?)")
			.params(year, utc(clock.instant()))
			.update();
		audit.recordIndependently("系统", "-", AuditAction.CALENDAR_MISSING, "work_calendar_year", year,
				messages.getMessage("calendar.year.missingAlert", new Object[] { year }, LocaleContextHolder.getLocale()));
		return Optional.of(year);
	}

}
