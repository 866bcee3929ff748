package chengguan.assessment.web;

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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import chengguan.assessment.HealthReports;
import chengguan.organization.RegionLevel;
import chengguan.organization.RegionService;
import chengguan.organization.RegionView;
import chengguan.platform.PlatformProperties;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.storage.StoredFile;
import chengguan.platform.web.NotFoundException;

/**
 * 体检报告: the reports the monthly job kept for the streets and communities in the person's scope, and any
 * street's or community's report for a past month made on demand.
 */
@Controller
@RequestMapping("/assessment/health-reports")
@PreAuthorize("hasAnyRole('LEADER', 'ADMIN', 'DISPATCHER', 'INSPECTOR', 'LIAISON', 'COMMUNITY_STAFF')")
class HealthReportController {

	private static final int LISTED = 200;

	private final HealthReports reports;

	private final RegionService regions;

	private final PlatformProperties platform;

	private final Clock clock;

	HealthReportController(HealthReports reports, RegionService regions, PlatformProperties platform, Clock clock) {
		this.reports = reports;
		this.regions = regions;
		this.platform = platform;
		this.clock = clock;
	}

	@GetMapping
	String list(@AuthenticationPrincipal StaffPrincipal me, Model model) {
		YearMonth lastMonth = YearMonth.from(LocalDate.ofInstant(clock.instant(), platform.timeZone())).minusMonths(1);
		model.addAttribute("stored", reports.stored(me.scope(), LISTED));
		model.addAttribute("regions", regions.within(me.scope())
			.stream()
			.filter(region -> region.level() == RegionLevel.STREET || region.level() == RegionLevel.COMMUNITY)
			.toList());
		model.addAttribute("lastMonth", lastMonth);
		model.addAttribute("zone", platform.timeZone());
		return "assessment/health-reports";
	}

	@GetMapping("/pdf")
	ResponseEntity<byte[]> onDemand(@RequestParam long regionId,
			@RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
			@AuthenticationPrincipal StaffPrincipal me) {
		RegionView region = regions.get(regionId, me);
		reports.requireReportable(region, month);
		return pdf(reports.pdf(region, month), region.name() + month + "体检报告.pdf");
	}

	@GetMapping("/{id}/file")
	ResponseEntity<byte[]> stored(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me) {
		StoredFile file = reports.storedFile(id, me.scope()).orElseThrow(NotFoundException::new);
		return pdf(file.content(), "体检报告-" + id + ".pdf");
	}

	private static ResponseEntity<byte[]> pdf(byte[] content, String filename) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
			.body(content);
	}

}
