package chengguan.engagement.web;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import chengguan.catalog.CategoryService;
import chengguan.engagement.Need;
import chengguan.engagement.NeedKind;
import chengguan.engagement.NeedMeasure;
import chengguan.engagement.NeedSource;
import chengguan.engagement.NeedStatus;
import chengguan.engagement.Needs;
import chengguan.intake.ReportKind;
import chengguan.organization.RegionService;
import chengguan.organization.RegionView;
import chengguan.platform.documents.QrCodes;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.web.FormSubmissions;

/**
 * Staff pages of suggestions and the needs list: the list with a form for what was collected at visits and
 * surveys, a need's page (weigh it, set its measure, make it a case), and a community's printable 一区一策.
 */
@Controller
class NeedController {

	private final FormSubmissions submissions;

	static final String WRITERS = "hasAnyRole('ADMIN','DISPATCHER','LIAISON','COMMUNITY_STAFF')";

	private final Needs needs;

	private final RegionService regions;

	private final CategoryService categories;

	private final NeedPublicLinks links;

	NeedController(Needs needs, RegionService regions, CategoryService categories,
			NeedPublicLinks links, FormSubmissions submissions) {
		this.submissions = submissions;
		this.needs = needs;
		this.regions = regions;
		this.categories = categories;
		this.links = links;
	}

	@GetMapping("/engagement/needs")
	String list(@RequestParam(required = false) Long communityId, @RequestParam(required = false) NeedStatus status,
			@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal StaffPrincipal me, Model model) {
		if (communityId != null) {
			regions.get(communityId, me); // a community outside the scope is refused, not answered with an empty list
		}
		return renderList(communityId, status, Math.max(page, 0), new NeedForm(), me, model);
	}

	private String renderList(Long communityId, NeedStatus status, NeedForm form, StaffPrincipal me, Model model) {
		return renderList(communityId, status, 0, form, me, model);
	}

	private String renderList(Long communityId, NeedStatus status, int page, NeedForm form, StaffPrincipal me,
			Model model) {
		List<Need> found = needs.list(me, communityId, status, page);
		boolean hasNext = found.size() > Needs.PAGE_SIZE;
		model.addAttribute("needs", hasNext ? found.subList(0, Needs.PAGE_SIZE) : found);
		model.addAttribute("page", page);
		model.addAttribute("hasNext", hasNext);
		model.addAttribute("communities", regions.communities(me.scope()));
		model.addAttribute("communityId", communityId);
		model.addAttribute("status", status);
		model.addAttribute("statuses", NeedStatus.values());
		model.addAttribute("kinds", NeedKind.values());
		model.addAttribute("sources", NeedSource.staffRecorded());
		model.addAttribute("form", form);
		return "engagement/needs-list";
	}

	@PostMapping("/engagement/needs")
	@PreAuthorize(WRITERS)
	String record(@ModelAttribute("form") NeedForm form, BindingResult binding,
			@AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return submissions.submit(binding, model, response, () -> {
			long id = needs.record(form.entry(), me);
			redirect.addFlashAttribute("notice", "needRecorded");
			return "redirect:/engagement/needs/" + id;
		}, () -> renderList(null, null, form, me, model));
	}

	@GetMapping("/engagement/needs/{id}")
	String need(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
		return renderNeed(needs.get(id, me), me, model);
	}

	private String renderNeed(Need need, StaffPrincipal me, Model model) {
		model.addAttribute("need", need);
		model.addAttribute("caseView", needs.caseOf(need, me).orElse(null));
		model.addAttribute("categories", categories.reportable());
		model.addAttribute("reportKinds", ReportKind.values());
		model.addAttribute("suggestedKind", need.kind() == NeedKind.SUGGESTION ? ReportKind.SUGGESTION : ReportKind.HELP);
		return "engagement/needs-detail";
	}

	@PostMapping("/engagement/needs/{id}/status")
	@PreAuthorize(WRITERS)
	String changeStatus(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) NeedStatus next,
			@RequestParam(required = false) String reason, @AuthenticationPrincipal StaffPrincipal me, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return act(id, me, model, redirect, response, "needStatusChanged",
				() -> needs.changeStatus(id, version, next, reason, me));
	}

	@PostMapping("/engagement/needs/{id}/measure")
	@PreAuthorize(WRITERS)
	String setMeasure(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) String measure,
			@RequestParam(required = false) String owner,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
			@AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return act(id, me, model, redirect, response, "needMeasureSaved",
				() -> needs.setMeasure(id, version, new NeedMeasure(measure, owner, deadline), me));
	}

	@PostMapping("/engagement/needs/{id}/case")
	@PreAuthorize(WRITERS)
	String promote(@PathVariable long id, @RequestParam long version,
			@RequestParam(required = false) String categoryCode, @RequestParam(required = false) ReportKind kind,
			@AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return act(id, me, model, redirect, response, "needPromoted",
				() -> needs.promoteToCase(id, version, categoryCode, kind, me));
	}

	private String act(long id, StaffPrincipal me, Model model, RedirectAttributes redirect,
			HttpServletResponse response, String notice, Runnable action) {
		Need before = needs.get(id, me);
		return submissions.submit(null, model, response, () -> {
			action.run();
			redirect.addFlashAttribute("notice", notice);
			return "redirect:/engagement/needs/" + id;
		}, () -> renderNeed(before, me, model));
	}

	/** 一区一策: the community's needs with their measures, laid out for A4 paper. */
	@GetMapping("/engagement/needs/communities/{communityId}/print")
	String print(@PathVariable long communityId, @AuthenticationPrincipal StaffPrincipal me, Model model) {
		model.addAttribute("needs", needs.communityList(communityId, me));
		RegionView community = regions.get(communityId, me);
		model.addAttribute("community", community);
		model.addAttribute("publicUrl", links.suggestionsPage(community.code()));
		model.addAttribute("printedOn", needs.today());
		return "engagement/needs-print";
	}

	/** The QR code of the community's public suggestions page, for the printed list and notice boards. */
	@GetMapping("/engagement/needs/communities/{communityId}/qr.png")
	ResponseEntity<byte[]> qr(@PathVariable long communityId, @AuthenticationPrincipal StaffPrincipal me) {
		RegionView community = regions.get(communityId, me);
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
			.body(QrCodes.png(links.suggestionsPage(community.code()), 360));
	}

}
