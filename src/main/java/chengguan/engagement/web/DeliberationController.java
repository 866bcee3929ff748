package chengguan.engagement.web;

import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
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
import chengguan.engagement.DeliberationKind;
import chengguan.engagement.DeliberationRole;
import chengguan.engagement.DeliberationMeetingRow;
import chengguan.engagement.Deliberations;
import chengguan.intake.ReportKind;
import chengguan.organization.RegionService;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.web.FormSubmissions;

/**
 * Staff pages of deliberation meetings: the list, recording a meeting, and the meeting page with its resolutions
 * (each made a task or a case) and the follow-up of the community's earlier resolutions.
 */
@Controller
class DeliberationController {

	private final FormSubmissions submissions;

	private final Deliberations deliberations;

	private final RegionService regions;

	private final CategoryService categories;

	DeliberationController(Deliberations deliberations, RegionService regions, CategoryService categories, FormSubmissions submissions) {
		this.submissions = submissions;
		this.deliberations = deliberations;
		this.regions = regions;
		this.categories = categories;
	}

	@GetMapping("/engagement/deliberations")
	String list(@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal StaffPrincipal me,
			Model model) {
		List<DeliberationMeetingRow> found = deliberations.list(me, Math.max(page, 0));
		boolean hasNext = found.size() > Deliberations.PAGE_SIZE;
		model.addAttribute("meetings", hasNext ? found.subList(0, Deliberations.PAGE_SIZE) : found);
		model.addAttribute("page", Math.max(page, 0));
		model.addAttribute("hasNext", hasNext);
		return "engagement/deliberation-list";
	}

	@GetMapping("/engagement/deliberations/new")
	@PreAuthorize(NeedController.WRITERS)
	String form(@AuthenticationPrincipal StaffPrincipal me, Model model) {
		DeliberationForm form = new DeliberationForm();
		form.setDate(deliberations.today());
		return renderForm(form, me, model);
	}

	private String renderForm(DeliberationForm form, StaffPrincipal me, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("communities", regions.communities(me.scope()));
		model.addAttribute("kinds", DeliberationKind.values());
		model.addAttribute("roles", DeliberationRole.values());
		return "engagement/deliberation-form";
	}

	@PostMapping("/engagement/deliberations")
	@PreAuthorize(NeedController.WRITERS)
	String record(@ModelAttribute("form") DeliberationForm form, BindingResult binding,
			@AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return submissions.submit(binding, model, response, () -> {
			long id = deliberations.record(form.entry(), me);
			redirect.addFlashAttribute("notice", "deliberationRecorded");
			return "redirect:/engagement/deliberations/" + id;
		}, () -> renderForm(form, me, model));
	}

	@GetMapping("/engagement/deliberations/{id}")
	String meeting(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
		return renderMeeting(id, me, model);
	}

	private String renderMeeting(long id, StaffPrincipal me, Model model) {
		model.addAttribute("meeting", deliberations.get(id, me));
		model.addAttribute("categories", categories.reportable());
		model.addAttribute("reportKinds", ReportKind.values());
		model.addAttribute("roles", DeliberationRole.values());
		return "engagement/deliberation-detail";
	}

	@PostMapping("/engagement/deliberations/{id}/minutes")
	@PreAuthorize(NeedController.WRITERS)
	String minutes(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) String minutes,
			@AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return act(id, me, model, redirect, response, "deliberationMinutesSaved",
				() -> deliberations.updateMinutes(id, version, minutes, me));
	}

	@PostMapping("/engagement/deliberations/{id}/tasks")
	@PreAuthorize(NeedController.WRITERS)
	String addTask(@PathVariable long id, @RequestParam(required = false) String content,
			@RequestParam(required = false) String owner,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
			@AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return act(id, me, model, redirect, response, "deliberationTaskAdded",
				() -> deliberations.addTask(id, content, owner, deadline, me));
	}

	@PostMapping("/engagement/deliberations/{id}/cases")
	@PreAuthorize(NeedController.WRITERS)
	String addCase(@PathVariable long id, @RequestParam(required = false) String content,
			@RequestParam(required = false) String categoryCode, @RequestParam(required = false) ReportKind kind,
			@AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return act(id, me, model, redirect, response, "deliberationCaseAdded",
				() -> deliberations.addCase(id, content, categoryCode, kind, me));
	}

	@PostMapping("/engagement/deliberations/{id}/resolutions/{resolutionId}/done")
	@PreAuthorize(NeedController.WRITERS)
	String completeTask(@PathVariable long id, @PathVariable long resolutionId, @RequestParam long version,
			@RequestParam(required = false) String note, @AuthenticationPrincipal StaffPrincipal me, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return act(id, me, model, redirect, response, "deliberationTaskDone",
				() -> deliberations.completeTask(resolutionId, version, note, me));
	}

	private String act(long id, StaffPrincipal me, Model model, RedirectAttributes redirect,
			HttpServletResponse response, String notice, Runnable action) {
		return submissions.submit(null, model, response, () -> {
			action.run();
			redirect.addFlashAttribute("notice", notice);
			return "redirect:/engagement/deliberations/" + id;
		}, () -> renderMeeting(id, me, model));
	}

}
