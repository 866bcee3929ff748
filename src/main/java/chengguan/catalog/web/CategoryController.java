package chengguan.catalog.web;

import jakarta.servlet.http.HttpServletResponse;

import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import chengguan.catalog.CategoryService;
import chengguan.catalog.CategoryView;
import chengguan.catalog.HandlingMode;
import chengguan.catalog.LimitBasis;
import chengguan.platform.security.Role;
import chengguan.platform.web.NotFoundException;

@Controller
@RequestMapping("/catalog/categories")
class CategoryController {

	private final CategoryService categories;

	private final MessageSource messages;

	CategoryController(CategoryService categories, MessageSource messages) {
		this.categories = categories;
		this.messages = messages;
	}

	/**
	 * A value that could not even be converted (letters for minutes) leaves no form object to show again: show the
	 * stored values with the reason on top instead.
	 */
	private void replaceUnconvertible(String name, CategoryForm fallback, BindingResult errors, Model model) {
		model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + name);
		model.addAttribute(name, fallback);
		model.addAttribute("error", messages.getMessage(errors.getAllErrors().get(0), LocaleContextHolder.getLocale()));
	}

	@GetMapping
	String tree(Model model) {
		model.addAttribute("tree", categories.tree());
		return "catalog/categories";
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		CategoryView category = categories.find(id).orElseThrow(NotFoundException::new);
		return form(category, CategoryForm.of(category), CategoryForm.childOf(category), model);
	}

	@PostMapping("/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") CategoryForm form, BindingResult errors,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		CategoryView category = categories.find(id).orElseThrow(NotFoundException::new);
		if (errors.hasErrors() || form == null || form.version() == null) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			if (model.getAttribute("form") == null) {
				replaceUnconvertible("form", CategoryForm.of(category), errors, model);
			}
			return form(category, form, CategoryForm.childOf(category), model);
		}
		categories.update(id, form.version(), form.name().strip(), form.sort(), form.rules());
		redirect.addFlashAttribute("notice", "saved");
		return "redirect:/catalog/categories/" + id;
	}

	@PostMapping("/{id}/children")
	@PreAuthorize("hasRole('ADMIN')")
	String addChild(@PathVariable long id, @Valid @ModelAttribute("childForm") CategoryForm childForm,
			BindingResult errors, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		CategoryView parent = categories.find(id).orElseThrow(NotFoundException::new);
		if (errors.hasErrors() || childForm == null || childForm.code() == null) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			if (model.getAttribute("childForm") == null) {
				replaceUnconvertible("childForm", CategoryForm.childOf(parent), errors, model);
			}
			return form(parent, CategoryForm.of(parent), childForm, model);
		}
		CategoryView child = categories.addChild(id, childForm.code(), childForm.name().strip(), childForm.sort(),
				childForm.rules());
		redirect.addFlashAttribute("notice", "created");
		return "redirect:/catalog/categories/" + child.id();
	}

	private String form(CategoryView category, CategoryForm form, CategoryForm childForm, Model model) {
		model.addAttribute("category", category);
		model.addAttribute("editable", SecurityContextHolder.getContext()
			.getAuthentication()
			.getAuthorities()
			.stream()
			.anyMatch(authority -> Role.ADMIN.authority().equals(authority.getAuthority())));
		if (!model.containsAttribute("form")) { // keeps the BindingResult of a rejected submission
			model.addAttribute("form", form);
		}
		if (!model.containsAttribute("childForm")) {
			model.addAttribute("childForm", childForm);
		}
		model.addAttribute("modes", HandlingMode.values());
		model.addAttribute("bases", LimitBasis.values());
		return "catalog/category-form";
	}

}
