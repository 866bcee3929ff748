package chengguan.intake.web;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import chengguan.catalog.CategoryService;
import chengguan.intake.Channel;
import chengguan.intake.IntakeService;
import chengguan.intake.ReportKind;
import chengguan.intake.ReportQueries;
import chengguan.intake.ReportQuery;
import chengguan.intake.ReportRow;
import chengguan.intake.ReportStatus;
import chengguan.intake.ReportSubmission;
import chengguan.intake.SubmittedReport;
import chengguan.organization.RegionService;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.storage.StoredFile;
import chengguan.platform.storage.UploadedFiles;
import chengguan.platform.web.MapSettings;
import chengguan.platform.web.UserFacingException;

/** Staff side of intake: every channel's reports in one list, one report's details, merging, and the intake form. */
@Controller
@RequestMapping("/intake/reports")
class ReportInboxController {

	private static final String RECORDERS = "hasAnyRole('ADMIN','DISPATCHER','LIAISON','COMMUNITY_STAFF','HANDLER')";

	private final ReportQueries reports;

	private final IntakeService intake;

	private final RegionService regions;

	private final CategoryService categories;

	private final MapSettings maps;

	private final MessageSource messages;

	ReportInboxController(ReportQueries reports, IntakeService intake, RegionService regions,
			CategoryService categories, MapSettings maps, MessageSource messages) {
		this.reports = reports;
		this.intake = intake;
		this.regions = regions;
		this.categories = categories;
		this.maps = maps;
		this.messages = messages;
	}

	@GetMapping
	String list(@RequestParam(required = false) ReportStatus status, @RequestParam(required = false) Channel channel,
			@RequestParam(required = false) Long communityId, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = "HX-Request", required = false) String htmx,
			@AuthenticationPrincipal StaffPrincipal me, Model model) {
		if (q != null && q.length() > 50) {
			throw new UserFacingException(HttpStatus.BAD_REQUEST, "roster.queryTooLong");
		}
		if (communityId != null) {
			regions.get(communityId, me); // a community outside the scope is refused, not answered with an empty list
		}
		ReportQuery query = new ReportQuery(status, channel, communityId, q, page);
		List<ReportRow> found = reports.list(query, me);
		boolean hasNext = found.size() > ReportQuery.PAGE_SIZE;
		model.addAttribute("query", query);
		model.addAttribute("rows", hasNext ? found.subList(0, ReportQuery.PAGE_SIZE) : found);
		model.addAttribute("hasNext", hasNext);
		model.addAttribute("statuses", ReportStatus.values());
		model.addAttribute("channels", Channel.values());
		model.addAttribute("communities", regions.communities(me.scope()));
		return htmx != null ? "intake/reports :: results" : "intake/reports";
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
		model.addAttribute("report", reports.details(id, me));
		model.addAttribute("maps", maps);
		return "intake/report";
	}

	@GetMapping("/{id}/photos/{index}")
	ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable int index,
			@AuthenticationPrincipal StaffPrincipal me) {
		StoredFile file = reports.photo(id, index, me);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.cacheControl(CacheControl.noStore())
			.body(file.content());
	}

	@PostMapping("/{id}/merge")
	@PreAuthorize("hasAnyRole('ADMIN','DISPATCHER')")
	String merge(@PathVariable long id, @RequestParam long into, @AuthenticationPrincipal StaffPrincipal me,
			RedirectAttributes redirect) {
		intake.merge(id, into, me);
		redirect.addFlashAttribute("notice", "merged");
		return "redirect:/intake/reports/" + id;
	}

	@GetMapping("/new")
	@PreAuthorize(RECORDERS)
	String newReport(@AuthenticationPrincipal StaffPrincipal me, Model model) {
		StaffReportForm form = new StaffReportForm();
		form.setIdempotencyKey(UUID.randomUUID().toString());
		return renderForm(form, me, model);
	}

	@PostMapping("/new")
	@PreAuthorize(RECORDERS)
	String record(@ModelAttribute("form") StaffReportForm form, BindingResult binding,
			@RequestParam(name = "photos", required = false) List<MultipartFile> photos,
			@AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		if (binding.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("error", messages.getMessage(binding.getAllErrors().get(0), LocaleContextHolder.getLocale()));
			return renderForm(form, me, model);
		}
		try {
			SubmittedReport recorded = intake.submitFromStaff(new ReportSubmission(form.getChannel(),
					form.getRegionCode(), form.getCategoryCode(), form.getKind(), form.getDescription(),
					form.getLatitude(), form.getLongitude(), form.getAccuracy(), form.getAddress(),
					form.getReporterName(), form.getPhone(), UploadedFiles.contents(photos), form.getIdempotencyKey(),
					null, null, null), me);
			redirect.addFlashAttribute("notice", "reportRecorded");
			redirect.addFlashAttribute("noticeArgs", new Object[] { recorded.trackingCode() });
			return "redirect:/intake/reports/" + recorded.id();
		}
		catch (UserFacingException ex) {
			if (!ex.correctableInForm()) {
				throw ex;
			}
			response.setStatus(ex.status().value());
			model.addAttribute("error",
					ex.message(messages));
			return renderForm(form, me, model);
		}
	}

	private String renderForm(StaffReportForm form, StaffPrincipal me, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("channels", Channel.staffRecorded());
		model.addAttribute("kinds", ReportKind.values());
		model.addAttribute("communities", regions.communities(me.scope()));
		model.addAttribute("categories", categories.reportable());
		return "intake/staff-form";
	}

}
