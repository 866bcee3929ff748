package chengguan.cases;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

import chengguan.catalog.LimitBasis;
import chengguan.platform.PlatformProperties;

/**
 * Deadlines from a category's time limits: calendar minutes run day and night; working minutes run only on
 * Monday to Friday between the configured hours, in the platform's time zone. Public holidays and 调休 working
 * weekends are not modelled yet: a limit across a holiday is counted as if it were a working day.
 */
@Component
public class DueTimes {

	/** @param workdayStart start of the working day, e.g. 08:30; @param workdayEnd its end, e.g. 17:30 */
	@ConfigurationProperties("chengguan.cases.working-hours")
	public record Settings(LocalTime workdayStart, LocalTime workdayEnd) {

		public Settings {
			workdayStart = workdayStart == null ? LocalTime.of(8, 30) : workdayStart;
			workdayEnd = workdayEnd == null ? LocalTime.of(17, 30) : workdayEnd;
			if (!workdayEnd.isAfter(workdayStart)) {
				throw new IllegalArgumentException("The working day must end after it starts");
			}
		}

	}

	private final Settings settings;

	private final ZoneId zone;

	DueTimes(Settings settings, PlatformProperties platform) {
		this.settings = settings;
		this.zone = platform.timeZone();
	}

	public Instant due(Instant from, int minutes, LimitBasis basis) {
		if (basis != LimitBasis.WORKING) {
			return from.plus(Duration.ofMinutes(minutes));
		}
		LocalDateTime at = LocalDateTime.ofInstant(from, zone);
		long left = minutes;
		while (true) {
			at = nextWorkingMoment(at);
			LocalDateTime endOfDay = at.toLocalDate().atTime(settings.workdayEnd());
			long available = Duration.between(at, endOfDay).toMinutes();
			if (left <= available) {
				return at.plusMinutes(left).atZone(zone).toInstant();
			}
			left -= available;
			at = endOfDay;
		}
	}

	/*
	 * The deadlines of the workflow's stops and starts, one method per need, so the work calendar can take them
	 * over in one place each.
	 */

	/**
	 * The deadline an approved 延期 grants: the one the assignee asked for; one that falls outside working hours
	 * becomes the next working moment, so nobody is late at night or on a weekend.
	 */
	public Instant extended(Instant requested) {
		LocalDateTime at = LocalDateTime.ofInstant(requested, zone);
		return nextWorkingMoment(at).atZone(zone).toInstant();
	}

	/** The deadline after a 挂起 ends: moved by the time the case stood still. */
	public Instant resumed(Instant due, Duration paused) {
		return due == null ? null : due.plus(paused);
	}

	/** When an unrated closed case ends as 未评价: the 回访 period after its closure, in calendar time. */
	public Instant followUpEnds(Instant closedAt, Duration period) {
		return closedAt.plus(period);
	}

	/** When the reporter of a closed, still unrated case is reminded to rate it. */
	public Instant followUpReminder(Instant closedAt, Duration after) {
		return closedAt.plus(after);
	}

	private LocalDateTime nextWorkingMoment(LocalDateTime at) {
		LocalDateTime moment = at;
		while (true) {
			boolean weekend = moment.getDayOfWeek() == DayOfWeek.SATURDAY || moment.getDayOfWeek() == DayOfWeek.SUNDAY;
			if (weekend || !moment.toLocalTime().isBefore(settings.workdayEnd())) {
				moment = moment.toLocalDate().plusDays(1).atTime(settings.workdayStart());
			}
			else if (moment.toLocalTime().isBefore(settings.workdayStart())) {
				moment = moment.toLocalDate().atTime(settings.workdayStart());
			}
			else {
				return moment;
			}
		}
	}

}
