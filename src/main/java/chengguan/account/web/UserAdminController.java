package chengguan.account.web;

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

import chengguan.account.AccountService;
import chengguan.account.UserRow;
import chengguan.organization.RegionService;
import chengguan.organization.RosterService;
import chengguan.platform.security.Role;
import chengguan.platform.security.StaffPrincipal;

@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasRole('ADMIN')")
class UserAdminController {

	private final AccountService accounts;

	private final RegionService regions;

	private final RosterService roster;

	UserAdminController(AccountService accounts, RegionService regions, RosterService roster) {
		this.accounts = accounts;
		this.regions = regions;
		this.roster = roster;
	}

	@GetMapping
	String list(@AuthenticationPrincipal StaffPrincipal me, Model model) {
		model.addAttribute("users", accounts.users(me.scope()));
		return "account/users";
	}

	@GetMapping("/new")
	String newUser(@AuthenticationPrincipal StaffPrincipal me, Model model) {
		return form(null, UserForm.blank(me.scope().homeRegionId()), me, model);
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
		UserRow user = accounts.user(id, me);
		return form(user, UserForm.of(user), me, model);
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") UserForm form, BindingResult errors,
			@AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return form(null, form, me, model);
		}
		AccountService.CreatedAccount created = accounts.create(form.newAccount(), me);
		redirect.addFlashAttribute("initialPassword", created.initialPassword());
		redirect.addFlashAttribute("notice", "created");
		return "redirect:/admin/users/" + created.id();
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") UserForm form, BindingResult errors,
			@AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect) {
		UserRow user = accounts.user(id, me);
		if (errors.hasErrors() || form.version() == null) {
			return form(user, form, me, model);
		}
		accounts.update(id, form.version(), form.displayName().strip(), form.staffId(), form.homeRegionId(),
				form.roles(), form.enabled(), me);
		redirect.addFlashAttribute("notice", "saved");
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/{id}/reset-password")
	String resetPassword(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me,
			RedirectAttributes redirect) {
		redirect.addFlashAttribute("initialPassword", accounts.resetPassword(id, me));
		redirect.addFlashAttribute("notice", "passwordReset");
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/{id}/unlock")
	String unlock(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
		accounts.unlock(id, me);
		redirect.addFlashAttribute("notice", "unlocked");
		return "redirect:/admin/users/" + id;
	}

	private String form(UserRow user, UserForm form, StaffPrincipal me, Model model) {
		model.addAttribute("user", user);
		if (!model.containsAttribute("form")) { // keeps the BindingResult of a rejected submission
			model.addAttribute("form", form);
		}
		model.addAttribute("roles", Role.values());
		model.addAttribute("regionChoices", regions.within(me.scope()));
		model.addAttribute("staffChoices", roster.candidatesFor(me.scope().homeRegionPath(), me.scope()));
		return "account/user-form";
	}

}
