package chengguan.fieldwork.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import chengguan.fieldwork.DutyLogs;
import chengguan.fieldwork.LedgerWorkbook;
import chengguan.organization.RosterService;
import chengguan.organization.UnitView;
import chengguan.platform.PlatformProperties;
import chengguan.platform.security.StaffPrincipal;

/** The month's 附件2 工作台账 of a unit, as .xlsx, for units in the person's scope. */
@Controller
class LedgerController {

	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final DutyLogs logs;

	private final RosterService roster;

	private final PlatformProperties platform;

	private final java.time.Clock clock;

	LedgerController(DutyLogs logs, RosterService roster, PlatformProperties platform, java.time.Clock clock) {
		this.logs = logs;
		this.roster = roster;
		this.platform = platform;
		this.clock = clock;
	}

	@GetMapping("/fieldwork/ledger.xlsx")
	ResponseEntity<byte[]> ledger(@RequestParam long unitId,
			@RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
			@AuthenticationPrincipal StaffPrincipal me) throws IOException {
		UnitView unit = roster.unit(unitId, me);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		LedgerWorkbook.write(new LedgerWorkbook.Header(unit.name(), LocalDate.ofInstant(clock.instant(), platform.timeZone()),
				me.displayName(), unit.phone(), month), logs.ledgerEntries(unitId, month), out);
		String name = unit.name() + month.getYear() + "年" + month.getMonthValue() + "月进社区工作台账.xlsx";
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.body(out.toByteArray());
	}

}
