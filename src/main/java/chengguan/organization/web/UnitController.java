package chengguan.organization.web;

import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import chengguan.organization.RegionService;
import chengguan.organization.RosterService;
import chengguan.organization.UnitKind;
import chengguan.organization.UnitView;
import chengguan.platform.security.Role;
import chengguan.platform.security.StaffPrincipal;

@Controller
@RequestMapping("/org/units")
class UnitController {

	private final RosterService roster;

	private final RegionService regions;

	UnitController(RosterService roster, RegionService regions) {
		this.roster = roster;
		this.regions = regions;
	}

	@GetMapping
	String list(@AuthenticationPrincipal StaffPrincipal me, Model model) {
		model.addAttribute("units", roster.visibleUnits(me.scope()));
		return "organization/units";
	}

	@GetMapping("/new")
	@PreAuthorize("hasRole('ADMIN')")
	String newUnit(@AuthenticationPrincipal StaffPrincipal me, Model model) {
		return form(null, UnitForm.blank(me.scope().homeRegionId()), me, model);
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
		UnitView unit = roster.unit(id, me);
		return form(unit, UnitForm.of(unit), me, model);
	}

	@PostMapping
	@PreAuthorize("hasRole('ADMIN')")
	String create(@Valid @ModelAttribute("form") UnitForm form, BindingResult errors,
			@AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return form(null, form, me, model);
		}
		UnitView created = roster.createUnit(form.details(), me);
		redirect.addFlashAttribute("notice", "created");
		return "redirect:/org/units/" + created.id();
	}

	@PostMapping("/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") UnitForm form, BindingResult errors,
			@AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect) {
		UnitView unit = roster.unit(id, me);
		if (errors.hasErrors() || form.version() == null) {
			return form(unit, form, me, model);
		}
		roster.updateUnit(id, form.version(), form.details(), me);
		redirect.addFlashAttribute("notice", "saved");
		return "redirect:/org/units/" + id;
	}

	private String form(UnitView unit, UnitForm form, StaffPrincipal me, Model model) {
		model.addAttribute("unit", unit);
		if (!model.containsAttribute("form")) { // keeps the BindingResult of a rejected submission
			model.addAttribute("form", form);
		}
		model.addAttribute("editable", me.hasRole(Role.ADMIN)
				&& (unit == null || me.scope().covers(unit.regionPath())));
		model.addAttribute("kinds", UnitKind.values());
		model.addAttribute("regionChoices", regions.within(me.scope()));
		model.addAttribute("parentChoices", roster.editableUnits(me.scope()));
		return "organization/unit-form";
	}

}
