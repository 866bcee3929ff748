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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import chengguan.organization.RegionService;
import chengguan.organization.RegionView;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.web.InvalidRequestException;

@Controller
@RequestMapping("/org/regions")
class RegionController {

	private final RegionService regions;

	RegionController(RegionService regions) {
		this.regions = regions;
	}

	@GetMapping
	String page(@RequestParam(required = false) Long id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
		RegionView selected = regions.get(id == null ? me.scope().homeRegionId() : id, me);
		model.addAttribute("tree", regions.tree(me.scope()));
		fillPanel(selected, RegionForm.of(selected), RegionForm.blankChildOf(selected), model);
		return "organization/regions";
	}

	/** The right-hand panel alone, for htmx clicks in the tree. */
	@GetMapping("/{id}/panel")
	String panel(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
		RegionView selected = regions.get(id, me);
		fillPanel(selected, RegionForm.of(selected), RegionForm.blankChildOf(selected), model);
		return "organization/regions :: panel";
	}

	@PostMapping("/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") RegionForm form, BindingResult errors,
			@AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect) {
		RegionView selected = regions.get(id, me);
		if (errors.hasErrors() || form.version() == null) {
			model.addAttribute("tree", regions.tree(me.scope()));
			fillPanel(selected, form, RegionForm.blankChildOf(selected), model);
			return "organization/regions";
		}
		regions.update(id, form.version(), form.details(), me);
		redirect.addFlashAttribute("notice", "saved");
		return "redirect:/org/regions?id=" + id;
	}

	@PostMapping("/{id}/children")
	@PreAuthorize("hasRole('ADMIN')")
	String addChild(@PathVariable long id, @Valid @ModelAttribute("childForm") RegionForm childForm,
			BindingResult errors, @AuthenticationPrincipal StaffPrincipal me, Model model,
			RedirectAttributes redirect) {
		RegionView parent = regions.get(id, me);
		if (errors.hasErrors()) {
			model.addAttribute("tree", regions.tree(me.scope()));
			fillPanel(parent, RegionForm.of(parent), childForm, model);
			return "organization/regions";
		}
		if (childForm.level() == null) {
			throw new InvalidRequestException("region.childLevelNotAllowed");
		}
		RegionView child = regions.createChild(id, childForm.level(), childForm.details(), me);
		redirect.addFlashAttribute("notice", "created");
		return "redirect:/org/regions?id=" + child.id();
	}

	@PostMapping("/{id}/delete")
	@PreAuthorize("hasRole('ADMIN')")
	String delete(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
		RegionView region = regions.get(id, me);
		regions.delete(id, me);
		redirect.addFlashAttribute("notice", "deleted");
		return "redirect:/org/regions?id=" + region.parentId();
	}

	private void fillPanel(RegionView selected, RegionForm form, RegionForm childForm, Model model) {
		model.addAttribute("selected", selected);
		model.addAttribute("lineage", regions.lineage(selected));
		model.addAttribute("childLevels", selected.level().childLevels());
		if (!model.containsAttribute("form")) { // keeps the BindingResult of a rejected submission
			model.addAttribute("form", form);
		}
		if (!model.containsAttribute("childForm")) { // keeps the BindingResult of a rejected submission
			model.addAttribute("childForm", childForm);
		}
	}

}
