package chengguan.fieldwork.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import chengguan.fieldwork.LedgerSubmissions;
import chengguan.organization.RosterService;
import chengguan.organization.UnitView;
import chengguan.platform.PlatformProperties;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.storage.StoredFile;
import chengguan.platform.web.NotFoundException;

/**
 * The monthly 附件2 工作台账: where each unit's ledger stands (submitted, due, overdue), downloads as .xlsx and PDF —
 * live from the logs, or as submitted — and the unit's submission.
 */
@Controller
class LedgerController {

	private final LedgerSubmissions ledgers;

	private final RosterService roster;

	private final PlatformProperties platform;

	private final Clock clock;

	LedgerController(LedgerSubmissions ledgers, RosterService roster, PlatformProperties platform, Clock clock) {
		this.ledgers = ledgers;
		this.roster = roster;
		this.platform = platform;
		this.clock = clock;
	}

	@GetMapping("/fieldwork/ledgers")
	String statuses(@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
			@AuthenticationPrincipal StaffPrincipal me, Model model) {
		LocalDate today = LocalDate.ofInstant(clock.instant(), platform.timeZone());
		YearMonth shown = month != null ? month
				: today.getDayOfMonth() <= 2 ? YearMonth.from(today).minusMonths(1) : YearMonth.from(today);
		model.addAttribute("month", shown);
		model.addAttribute("today", today);
		model.addAttribute("statuses", ledgers.statuses(shown, me.scope()));
		return "fieldwork/ledgers";
	}

	@GetMapping("/fieldwork/ledger.xlsx")
	ResponseEntity<byte[]> xlsx(@RequestParam long unitId,
			@RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
			@AuthenticationPrincipal StaffPrincipal me) {
		return download(unitId, month, LedgerSubmissions.Format.XLSX, ledgers.render(unitId, month,
				LedgerSubmissions.Format.XLSX, me), me);
	}

	@GetMapping("/fieldwork/ledger.pdf")
	ResponseEntity<byte[]> pdf(@RequestParam long unitId,
			@RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
			@AuthenticationPrincipal StaffPrincipal me) {
		return download(unitId, month, LedgerSubmissions.Format.PDF,
				ledgers.render(unitId, month, LedgerSubmissions.Format.PDF, me), me);
	}

	@GetMapping("/fieldwork/ledgers/submitted")
	ResponseEntity<byte[]> submitted(@RequestParam long unitId,
			@RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
			@RequestParam LedgerSubmissions.Format format, @AuthenticationPrincipal StaffPrincipal me) {
		StoredFile file = ledgers.submitted(unitId, month, format, me).orElseThrow(NotFoundException::new);
		return download(unitId, month, format, file.content(), me);
	}

	@PostMapping("/fieldwork/ledgers/submit")
	@PreAuthorize("hasAnyRole('LIAISON','DISPATCHER','ADMIN')")
	String submit(@RequestParam long unitId, @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
			@AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
		LedgerSubmissions.LedgerStatus status = ledgers.submit(unitId, month, me);
		redirect.addFlashAttribute("notice", "ledgerSubmitted");
		redirect.addFlashAttribute("noticeArgs", new Object[] { status.unit().name(), status.entries() });
		return "redirect:/fieldwork/ledgers?month=" + month;
	}

	private ResponseEntity<byte[]> download(long unitId, YearMonth month, LedgerSubmissions.Format format,
			byte[] content, StaffPrincipal me) {
		UnitView unit = roster.unit(unitId, me);
		String name = unit.name() + month.getYear() + "年" + month.getMonthValue() + "月进社区工作台账"
				+ (format == LedgerSubmissions.Format.PDF ? ".pdf" : ".xlsx");
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(
					format == LedgerSubmissions.Format.PDF ? LedgerSubmissions.PDF : LedgerSubmissions.XLSX))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.body(content);
	}

}
