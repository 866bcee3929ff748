package chengguan.fieldwork.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import chengguan.fieldwork.PropertyChecklist;
import chengguan.fieldwork.PropertyChecklists;
import chengguan.platform.web.FormSubmissions;
import chengguan.platform.web.NotFoundException;

/** Inspection checklists: everyone who reads inspections sees them; the office edits them. */
@Controller
@PreAuthorize(PropertyController.READERS)
class PropertyChecklistController {

	private final PropertyChecklists checklists;

	private final FormSubmissions submissions;

	PropertyChecklistController(PropertyChecklists checklists, FormSubmissions submissions) {
		this.checklists = checklists;
		this.submissions = submissions;
	}

	@GetMapping("/fieldwork/property/checklists")
	String list(Model model) {
		model.addAttribute("checklists", checklists.all());
		return "fieldwork/property-checklists";
	}

	@GetMapping("/fieldwork/property/checklists/new")
	@PreAuthorize(PropertyController.OFFICE)
	String newChecklist(Model model) {
		model.addAttribute("form", new ChecklistForm().withSpareRows());
		return "fieldwork/property-checklist-form";
	}

	@GetMapping("/fieldwork/property/checklists/{id}/edit")
	@PreAuthorize(PropertyController.OFFICE)
	String edit(@PathVariable long id, Model model) {
		PropertyChecklist checklist = checklists.find(id).orElseThrow(NotFoundException::new);
		model.addAttribute("checklist", checklist);
		model.addAttribute("form", ChecklistForm.of(checklist));
		return "fieldwork/property-checklist-form";
	}

	@PostMapping("/fieldwork/property/checklists")
	@PreAuthorize(PropertyController.OFFICE)
	String create(@ModelAttribute("form") ChecklistForm form, BindingResult binding, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return save(null, form, binding, model, redirect, response);
	}

	@PostMapping("/fieldwork/property/checklists/{id}")
	@PreAuthorize(PropertyController.OFFICE)
	String update(@PathVariable long id, @ModelAttribute("form") ChecklistForm form, BindingResult binding,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		model.addAttribute("checklist", checklists.find(id).orElseThrow(NotFoundException::new));
		return save(id, form, binding, model, redirect, response);
	}

	private String save(Long id, ChecklistForm form, BindingResult binding, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return submissions.submit(binding, model, response, () -> {
			if (id == null) {
				checklists.create(form.getName(), form.entered());
			}
			else {
				checklists.update(id, form.getVersion(), form.getName(), form.entered());
			}
			redirect.addFlashAttribute("notice", "propertyChecklistSaved");
			return "redirect:/fieldwork/property/checklists";
		}, () -> "fieldwork/property-checklist-form");
	}

}
