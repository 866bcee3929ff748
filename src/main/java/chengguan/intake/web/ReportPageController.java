package chengguan.intake.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import chengguan.catalog.CategoryService;
import chengguan.catalog.ReportableCategory;
import chengguan.intake.Channel;
import chengguan.intake.IntakeProperties;
import chengguan.intake.IntakeService;
import chengguan.intake.PublicReportStatus;
import chengguan.intake.Rating;
import chengguan.intake.ReportKind;
import chengguan.intake.ReportQueries;
import chengguan.intake.ReportSubmission;
import chengguan.intake.ReportingPlace;
import chengguan.intake.SubmittedReport;
import chengguan.platform.storage.UploadedFiles;
import chengguan.platform.web.MapSettings;
import chengguan.platform.web.NotFoundException;
import chengguan.platform.web.PublicAddresses;
import chengguan.platform.web.UserFacingException;

/** Residents' pages, no sign-in: the reporting page behind each QR code and the status page of a report. */
@Controller
class ReportPageController {

	private final IntakeService intake;

	private final ReportQueries reports;

	private final CategoryService categories;

	private final MapSettings maps;

	private final MessageSource messages;

	private final IntakeProperties settings;

	ReportPageController(IntakeService intake, ReportQueries reports, CategoryService categories, MapSettings maps,
			MessageSource messages, IntakeProperties settings) {
		this.settings = settings;
		this.intake = intake;
		this.reports = reports;
		this.categories = categories;
		this.maps = maps;
		this.messages = messages;
	}

	@GetMapping(PublicAddresses.REPORT_PAGE)
	String page(@PathVariable String regionCode, Model model) {
		ResidentReportForm form = new ResidentReportForm();
		form.setIdempotencyKey(UUID.randomUUID().toString());
		return render(regionCode, form, model);
	}

	@PostMapping(PublicAddresses.REPORT_PAGE)
	String submit(@PathVariable String regionCode, @ModelAttribute("form") ResidentReportForm form,
			BindingResult binding, @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		if (binding.hasErrors()) {
			ObjectError first = binding.getAllErrors().get(0);
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("error", messages.getMessage(first, LocaleContextHolder.getLocale()));
			return render(regionCode, form, model);
		}
		try {
			SubmittedReport submitted = intake.submitFromResident(ReportSubmission.fromResident(Channel.QR_CODE,
					regionCode, form.getCategoryCode(), form.getKind(), form.getDescription(), form.getLatitude(),
					form.getLongitude(), form.getAccuracy(), form.getAddress(), form.getPhone(),
					UploadedFiles.contents(photos), form.getIdempotencyKey(), request.getRemoteAddr()));
			return "redirect:/t/" + submitted.trackingCode() + "?submitted";
		}
		catch (UserFacingException ex) {
			if (!ex.correctableInForm()) {
				throw ex;
			}
			// the same page again with what they typed (photos must be chosen again: browsers never refill them)
			response.setStatus(ex.status().value());
			model.addAttribute("error", ex.message(messages));
			return render(regionCode, form, model);
		}
	}

	private String render(String regionCode, ResidentReportForm form, Model model) {
		ReportingPlace place = intake.reportingPlace(regionCode);
		Map<String, List<ReportableCategory>> grouped = new LinkedHashMap<>();
		List<ReportableCategory> all = categories.reportable();
		for (ReportableCategory category : all) {
			grouped.computeIfAbsent(category.groupPath(), key -> new java.util.ArrayList<>()).add(category);
		}
		model.addAttribute("place", place);
		model.addAttribute("form", form);
		model.addAttribute("categoryGroups", grouped);
		Map<String, ReportableCategory> byCode = new java.util.HashMap<>();
		all.forEach(category -> byCode.put(category.category().code(), category));
		model.addAttribute("commonCategories",
				settings.commonCategories().stream().map(byCode::get).filter(java.util.Objects::nonNull).toList());
		model.addAttribute("kinds", ReportKind.values());
		model.addAttribute("maps", maps);
		model.addAttribute("centerLatitude", place.latitude() != null ? place.latitude() : maps.centerLatitude());
		model.addAttribute("centerLongitude", place.longitude() != null ? place.longitude() : maps.centerLongitude());
		return "intake/report-page";
	}

	/** A code typed into the look-up box. */
	@GetMapping("/t")
	String lookUp(@RequestParam(defaultValue = "") String code) {
		String cleaned = code.replaceAll("[^0-9A-Za-z]", "");
		if (cleaned.isEmpty() || cleaned.length() > 16) {
			throw new NotFoundException();
		}
		return "redirect:/t/" + cleaned;
	}

	@GetMapping(PublicAddresses.STATUS_PAGE)
	String status(@PathVariable String trackingCode, HttpServletRequest request, Model model) {
		intake.requireLookupAllowed(request.getRemoteAddr());
		PublicReportStatus status = reports.publicStatus(trackingCode)
			.orElseThrow(() -> new UserFacingException(HttpStatus.NOT_FOUND, "report.notFound"));
		model.addAttribute("report", status);
		model.addAttribute("ratings", Rating.values());
		return "intake/status";
	}

	@PostMapping(PublicAddresses.STATUS_PAGE + "/rating")
	String rate(@PathVariable String trackingCode, @RequestParam(required = false) Rating rating,
			@RequestParam(required = false) String comment, HttpServletRequest request) {
		intake.requireLookupAllowed(request.getRemoteAddr());
		intake.rate(trackingCode, rating, comment);
		// a query flag, not a flash attribute: flash attributes would open a session for an anonymous resident
		return "redirect:/t/" + trackingCode.replaceAll("[^0-9A-Za-z]", "") + "?rated";
	}

}
