package chengguan.calendar.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import chengguan.calendar.CalendarDay;
import chengguan.calendar.CalendarRefused;
import chengguan.calendar.CalendarYear;
import chengguan.calendar.Deadline;
import chengguan.calendar.LimitUnit;
import chengguan.calendar.WorkCalendar;
import chengguan.platform.PlatformProperties;
import chengguan.platform.security.StaffPrincipal;

/**
 * The work calendar for integrators and for checking (staff, HTTP Basic like the rest of the staff API): a year's
 * non-working and make-up working dates, and the deadline of a limit. Refusals are RFC 9457 problem details with
 * a Chinese {@code detail}.
 */
@RestController
@RequestMapping("/api/v1/work-calendar")
@PreAuthorize("isAuthenticated()")
class WorkCalendarApiController {

	/** A year far enough out to plan in, near enough to be a real question. */
	private static final int MIN_YEAR = 2000;

	private static final int MAX_YEAR = 2100;

	private static final long MAX_HOURS = 10_000;

	private static final long MAX_DAYS = 366;

	private final WorkCalendar calendar;

	private final MessageSource messages;

	private final ZoneId zone;

	WorkCalendarApiController(WorkCalendar calendar, MessageSource messages, PlatformProperties platform) {
		this.calendar = calendar;
		this.messages = messages;
		this.zone = platform.timeZone();
	}

	record DayBody(LocalDate date, String type, String name, @JsonInclude(JsonInclude.Include.NON_NULL) String region) {
	}

	record YearBody(int year, boolean imported, @JsonInclude(JsonInclude.Include.NON_NULL) String note,
			List<DayBody> days) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record DeadlineBody(String deadline, String warnAt, Boolean weekendsOnly) {
	}

	@GetMapping
	YearBody year(@RequestParam(required = false) String year, @AuthenticationPrincipal StaffPrincipal me) {
		int wanted = year(year);
		CalendarYear found = calendar.year(wanted);
		List<DayBody> days = found.days()
			.stream()
			.filter(day -> day.national() || me.scope().covers(day.regionPath())
					|| me.scope().homeRegionPath().startsWith(day.regionPath()))
			.map(day -> new DayBody(day.date(), day.kind().name(), day.name(), day.national() ? null : day.regionName()))
			.toList();
		return new YearBody(wanted, found.imported(),
				found.imported() ? null : text("calendar.year.notImported", wanted), days);
	}

	@GetMapping("/deadline")
	DeadlineBody deadline(@RequestParam(required = false) String from, @RequestParam(required = false) String amount,
			@RequestParam(required = false) String unit) {
		Instant start = from(from);
		LimitUnit limitUnit = unit(unit);
		long quantity = amount(amount, limitUnit);
		Deadline deadline = calendar.deadline(start, quantity, limitUnit, null);
		DateTimeFormatter format = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
		return new DeadlineBody(format.format(deadline.dueAt().atZone(zone).toOffsetDateTime()),
				format.format(deadline.warnAt().atZone(zone).toOffsetDateTime()),
				deadline.weekendsOnly() ? Boolean.TRUE : null);
	}

	private static int year(String text) {
		if (text == null || text.isBlank()) {
			throw new CalendarRefused("calendar.api.yearRequired");
		}
		try {
			int year = Integer.parseInt(text.strip());
			if (year < MIN_YEAR || year > MAX_YEAR) {
				throw new CalendarRefused("calendar.api.yearRange", MIN_YEAR, MAX_YEAR);
			}
			return year;
		}
		catch (NumberFormatException ex) {
			throw new CalendarRefused("calendar.api.yearRange", MIN_YEAR, MAX_YEAR);
		}
	}

	private static Instant from(String text) {
		if (text == null || text.isBlank()) {
			throw new CalendarRefused("calendar.api.fromRequired");
		}
		try {
			OffsetDateTime at = OffsetDateTime.parse(text.strip());
			if (at.getYear() < MIN_YEAR || at.getYear() > MAX_YEAR) {
				throw new CalendarRefused("calendar.api.yearRange", MIN_YEAR, MAX_YEAR);
			}
			return at.toInstant();
		}
		catch (DateTimeParseException ex) {
			// a '+' sent unencoded in a query string arrives as a space
			throw new CalendarRefused("calendar.api.fromInvalid", text);
		}
	}

	private static LimitUnit unit(String text) {
		if (text == null || text.isBlank()) {
			throw new CalendarRefused("calendar.api.unitInvalid", "");
		}
		try {
			return LimitUnit.valueOf(text.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new CalendarRefused("calendar.api.unitInvalid", text);
		}
	}

	private static long amount(String text, LimitUnit unit) {
		long max = unit == LimitUnit.WORKING_DAYS ? MAX_DAYS : MAX_HOURS;
		try {
			long amount = Long.parseLong(text == null ? "" : text.strip());
			if (amount < 1 || amount > max) {
				throw new CalendarRefused("calendar.api.amountInvalid", max);
			}
			return amount;
		}
		catch (NumberFormatException ex) {
			throw new CalendarRefused("calendar.api.amountInvalid", max);
		}
	}

	@ExceptionHandler(CalendarRefused.class)
	ResponseEntity<ProblemDetail> refused(CalendarRefused ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				text(ex.messageCode(), ex.arguments()));
		problem.setTitle(text("calendar.api.badRequest"));
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private String text(String code, Object... arguments) {
		return messages.getMessage(code, arguments, code, LocaleContextHolder.getLocale());
	}

}
