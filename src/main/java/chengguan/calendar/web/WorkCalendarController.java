package chengguan.calendar.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import chengguan.calendar.CalendarRefused;
import chengguan.calendar.DayKind;
import chengguan.calendar.WorkCalendar;
import chengguan.organization.RegionService;
import chengguan.platform.PlatformProperties;
import chengguan.platform.security.StaffPrincipal;

/**
 * 工作日历 for admins: a year's holidays and make-up working days, nationwide and local; add and remove days, import a
 * year from CSV. Every change recomputes the deadlines of running case stages (the cases module hears of it).
 */
@Controller
@RequestMapping("/admin/work-calendar")
@PreAuthorize("hasRole('ADMIN')")
class WorkCalendarController {

	private final WorkCalendar calendar;

	private final RegionService regions;

	private final MessageSource messages;

	private final java.time.Clock clock;

	private final ZoneId zone;

	WorkCalendarController(WorkCalendar calendar, RegionService regions, MessageSource messages, java.time.Clock clock,
			PlatformProperties platform) {
		this.calendar = calendar;
		this.regions = regions;
		this.messages = messages;
		this.clock = clock;
		this.zone = platform.timeZone();
	}

	@GetMapping
	String page(@RequestParam(required = false) Integer year, @AuthenticationPrincipal StaffPrincipal me, Model model) {
		int thisYear = LocalDate.ofInstant(clock.instant(), zone).getYear();
		int shown = year == null || year < 2000 || year > 2100 ? calendar.missingYear().orElse(thisYear) : year;
		model.addAttribute("year", calendar.year(shown));
		model.addAttribute("missing", calendar.missingYear().orElse(null));
		model.addAttribute("kinds", DayKind.values());
		model.addAttribute("regions", regions.within(me.scope()));
		model.addAttribute("nationwide", WorkCalendar.nationwide(me));
		model.addAttribute("periods", calendar.current().periods());
		return "calendar/work-calendar";
	}

	@PostMapping("/days")
	String add(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) DayKind kind, @RequestParam(required = false) String name,
			@RequestParam(required = false) Long regionId, @AuthenticationPrincipal StaffPrincipal me,
			RedirectAttributes redirect, HttpServletResponse response, Model model) {
		try {
			calendar.addDay(date, kind, name, regionId, me);
		}
		catch (CalendarRefused ex) {
			return refused(ex, date == null ? null : date.getYear(), me, model, response);
		}
		redirect.addFlashAttribute("notice", "calendarDayAdded");
		return "redirect:/admin/work-calendar?year=" + date.getYear();
	}

	@PostMapping("/days/{id}/delete")
	String remove(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect,
			HttpServletResponse response, Model model) {
		try {
			int year = calendar.removeDay(id, me).date().getYear();
			redirect.addFlashAttribute("notice", "calendarDayRemoved");
			return "redirect:/admin/work-calendar?year=" + year;
		}
		catch (CalendarRefused ex) {
			return refused(ex, null, me, model, response);
		}
	}

	@PostMapping("/import")
	String importFile(@RequestParam(required = false) MultipartFile file, @AuthenticationPrincipal StaffPrincipal me,
			RedirectAttributes redirect, HttpServletResponse response, Model model) throws IOException {
		try {
			if (file == null || file.isEmpty()) {
				throw new CalendarRefused("calendar.import.empty");
			}
			Set<Integer> years = calendar.importCsv(file.getBytes(), file.getOriginalFilename(), me);
			redirect.addFlashAttribute("notice", "calendarImported");
			redirect.addFlashAttribute("noticeArgs", new Object[] { years.toString().replaceAll("[\\[\\]]", "") });
			return "redirect:/admin/work-calendar?year=" + years.iterator().next();
		}
		catch (CalendarRefused ex) {
			return refused(ex, null, me, model, response);
		}
	}

	private String refused(CalendarRefused ex, Integer year, StaffPrincipal me, Model model,
			HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("error",
				messages.getMessage(ex.messageCode(), ex.arguments(), ex.messageCode(), LocaleContextHolder.getLocale()));
		return page(year, me, model);
	}

}
