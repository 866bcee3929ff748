package chengguan.fieldwork.web;

import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;

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

import chengguan.fieldwork.PropertyChecklist;
import chengguan.fieldwork.PropertyChecklists;
import chengguan.fieldwork.PropertyCompanies;
import chengguan.fieldwork.PropertyInspection;
import chengguan.fieldwork.PropertyInspections;
import chengguan.fieldwork.RectificationNotice;
import chengguan.fieldwork.RectificationNotices;
import chengguan.platform.PlatformProperties;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.web.FormSubmissions;
import chengguan.platform.web.NotFoundException;

/**
 * Inspections on the phone (one row per checklist item), the rectification notice issued from one, the notice
 * list with overdue ones first, and re-inspections.
 */
@Controller
@PreAuthorize(PropertyController.READERS)
class PropertyInspectionController {

	/** The deadline a new notice suggests. */
	private static final int SUGGESTED_DAYS_TO_RECTIFY = 15;

	private final PropertyInspections inspections;

	private final PropertyChecklists checklists;

	private final PropertyCompanies companies;

	private final RectificationNotices notices;

	private final FormSubmissions submissions;

	private final PlatformProperties platform;

	private final java.time.Clock clock;

	PropertyInspectionController(PropertyInspections inspections, PropertyChecklists checklists,
			PropertyCompanies companies, RectificationNotices notices, FormSubmissions submissions,
			PlatformProperties platform, java.time.Clock clock) {
		this.inspections = inspections;
		this.checklists = checklists;
		this.companies = companies;
		this.notices = notices;
		this.submissions = submissions;
		this.platform = platform;
		this.clock = clock;
	}

	@GetMapping("/fieldwork/property/inspections/new")
	@PreAuthorize(PropertyController.INSPECTORS)
	String form(@RequestParam(required = false) Long compoundId, @RequestParam(required = false) Long checklistId,
			@AuthenticationPrincipal StaffPrincipal me, Model model) {
		PropertyChecklist checklist = checklistId == null ? checklists.defaultChecklist()
				: checklists.find(checklistId).orElseThrow(NotFoundException::new);
		if (compoundId != null && companies.compounds(me).stream().noneMatch(c -> c.compound().id() == compoundId)) {
			throw new NotFoundException(); // a compound outside the scope is not offered, not even by its id
		}
		return render(InspectionForm.blank(checklist, compoundId, today()), checklist, me, model);
	}

	@PostMapping("/fieldwork/property/inspections")
	@PreAuthorize(PropertyController.INSPECTORS)
	String record(@ModelAttribute("form") InspectionForm form, BindingResult binding,
			@AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		PropertyChecklist checklist = checklists.find(form.getChecklistId()).orElseGet(checklists::defaultChecklist);
		return submissions.submit(binding, model, response, () -> {
			long id = inspections.record(form.entry(), me);
			redirect.addFlashAttribute("notice", "propertyInspectionSaved");
			return "redirect:/fieldwork/property/inspections/" + id;
		}, () -> render(form, checklist, me, model));
	}

	private String render(InspectionForm form, PropertyChecklist checklist, StaffPrincipal me, Model model) {
		model.addAttribute("form", form.fitTo(checklist));
		model.addAttribute("checklist", checklist);
		model.addAttribute("checklists", checklists.all());
		model.addAttribute("compounds", companies.compounds(me));
		return "fieldwork/property-inspection-form";
	}

	@GetMapping("/fieldwork/property/inspections/{id}")
	String inspection(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
		PropertyInspection inspection = inspections.get(id, me);
		return renderInspection(inspection, NoticeForm.from(inspection, today().plusDays(SUGGESTED_DAYS_TO_RECTIFY)),
				model);
	}

	private String renderInspection(PropertyInspection inspection, NoticeForm form, Model model) {
		model.addAttribute("inspection", inspection);
		model.addAttribute("form", form);
		return "fieldwork/property-inspection";
	}

	@PostMapping("/fieldwork/property/inspections/{id}/notice")
	@PreAuthorize(PropertyController.INSPECTORS)
	String issue(@PathVariable long id, @ModelAttribute("form") NoticeForm form, BindingResult binding,
			@AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		PropertyInspection inspection = inspections.get(id, me);
		return submissions.submit(binding, model, response, () -> {
			long noticeId = notices.issue(id, form.entry(), me);
			redirect.addFlashAttribute("notice", "propertyNoticeIssued");
			return "redirect:/fieldwork/property/notices/" + noticeId;
		}, () -> renderInspection(inspection, form, model));
	}

	@GetMapping("/fieldwork/property/notices")
	String notices(@RequestParam(defaultValue = "true") boolean awaiting, @AuthenticationPrincipal StaffPrincipal me,
			Model model) {
		model.addAttribute("notices", notices.list(me, awaiting));
		model.addAttribute("awaiting", awaiting);
		return "fieldwork/property-notices";
	}

	@GetMapping("/fieldwork/property/notices/{id}")
	String notice(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
		RectificationNotice notice = notices.get(id, me);
		ReinspectionForm form = new ReinspectionForm();
		form.setDate(today());
		form.setVersion(notice.version());
		return renderNotice(notice, form, model);
	}

	private String renderNotice(RectificationNotice notice, ReinspectionForm form, Model model) {
		model.addAttribute("rectification", notice);
		model.addAttribute("form", form);
		return "fieldwork/property-notice";
	}

	@PostMapping("/fieldwork/property/notices/{id}/reinspections")
	@PreAuthorize(PropertyController.INSPECTORS)
	String reinspect(@PathVariable long id, @ModelAttribute("form") ReinspectionForm form, BindingResult binding,
			@AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		RectificationNotice notice = notices.get(id, me);
		return submissions.submit(binding, model, response, () -> {
			RectificationNotice after = notices.reinspect(id, form.getVersion(), form.entry(), me);
			redirect.addFlashAttribute("notice", "propertyReinspection." + after.status());
			return "redirect:/fieldwork/property/notices/" + id;
		}, () -> renderNotice(notice, form, model));
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), platform.timeZone());
	}

}
