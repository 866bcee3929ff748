package chengguan.fieldwork.web;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import chengguan.fieldwork.DutyLogQueries;
import chengguan.fieldwork.DutyLogs;
import chengguan.fieldwork.LedgerSubmissions;
import chengguan.fieldwork.VisitComplianceReport;
import chengguan.organization.RegionService;
import chengguan.platform.PlatformProperties;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.storage.StoredFile;
import chengguan.platform.web.InvalidRequestException;

/** The field-work hub, the duty-log list with its photos and the visit-compliance view. */
@Controller
class FieldworkController {

	/** The longest range the compliance view and the log list accept: a year and a bit. */
	private static final int MAX_DAYS = 400;

	private final DutyLogQueries logs;

	private final DutyLogs dutyLogs;

	private final VisitComplianceReport compliance;

	private final LedgerSubmissions ledgers;

	private final RegionService regions;

	private final PlatformProperties platform;

	private final Clock clock;

	FieldworkController(DutyLogQueries logs, DutyLogs dutyLogs, VisitComplianceReport compliance,
			LedgerSubmissions ledgers, RegionService regions, PlatformProperties platform, Clock clock) {
		this.logs = logs;
		this.dutyLogs = dutyLogs;
		this.compliance = compliance;
		this.ledgers = ledgers;
		this.regions = regions;
		this.platform = platform;
		this.clock = clock;
	}

	@GetMapping("/fieldwork")
	String hub(@AuthenticationPrincipal StaffPrincipal me, Model model) {
		LocalDate today = today();
		// last month is whole, so monthly rules are judged as well as its weeks
		YearMonth lastMonth = YearMonth.from(today).minusMonths(1);
		List<VisitComplianceReport.Row> rows = compliance.report(me.scope(), lastMonth.atDay(1),
				lastMonth.atEndOfMonth());
		model.addAttribute("behind", rows.stream().filter(VisitComplianceReport.Row::behind).count());
		model.addAttribute("owing", rows.size());
		model.addAttribute("lastMonth", lastMonth);
		model.addAttribute("overdueLedgers", ledgers.statuses(lastMonth, me.scope())
			.stream()
			.filter(status -> status.state() == LedgerSubmissions.State.OVERDUE)
			.count());
		model.addAttribute("recent", logs.list(me.scope(), today.minusDays(30), today, null, me.username()));
		return "fieldwork/hub";
	}

	@GetMapping("/fieldwork/logs")
	String logs(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Long communityId, @AuthenticationPrincipal StaffPrincipal me,
			Model model) {
		if (communityId != null) {
			regions.get(communityId, me); // a community outside the scope is refused, not answered with an empty list
		}
		LocalDate[] range = range(from, to);
		model.addAttribute("from", range[0]);
		model.addAttribute("to", range[1]);
		model.addAttribute("communityId", communityId);
		model.addAttribute("communities", regions.communities(me.scope()));
		model.addAttribute("rows", logs.list(me.scope(), range[0], range[1], communityId, null));
		return "fieldwork/logs";
	}

	@GetMapping("/fieldwork/compliance")
	String compliance(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "false") boolean behindOnly, @AuthenticationPrincipal StaffPrincipal me,
			Model model) {
		LocalDate[] range = range(from, to);
		List<VisitComplianceReport.Row> rows = compliance.report(me.scope(), range[0], range[1]);
		model.addAttribute("from", range[0]);
		model.addAttribute("to", range[1]);
		model.addAttribute("behindOnly", behindOnly);
		model.addAttribute("behindCount", rows.stream().filter(VisitComplianceReport.Row::behind).count());
		model.addAttribute("total", rows.size());
		model.addAttribute("rows", behindOnly ? rows.stream().filter(VisitComplianceReport.Row::behind).toList() : rows);
		return "fieldwork/compliance";
	}

	@GetMapping("/fieldwork/logs/{id}/photos/{fileId}")
	ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable String fileId,
			@AuthenticationPrincipal StaffPrincipal me) {
		StoredFile file = dutyLogs.photo(id, fileId, me);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePrivate())
			.body(file.content());
	}

	/** Defaults to this month so far; refuses reversed or over-long ranges with a message, not a slow page. */
	private LocalDate[] range(LocalDate from, LocalDate to) {
		LocalDate today = today();
		LocalDate start = from == null ? today.withDayOfMonth(1) : from;
		LocalDate end = to == null ? today : to;
		if (end.isBefore(start)) {
			throw new InvalidRequestException("fieldwork.range.reversed");
		}
		if (start.plusDays(MAX_DAYS).isBefore(end)) {
			throw new InvalidRequestException("fieldwork.range.tooLong");
		}
		return new LocalDate[] { start, end };
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), platform.timeZone());
	}

}
