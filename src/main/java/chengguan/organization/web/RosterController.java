package chengguan.organization.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;

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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import chengguan.organization.RosterQuery;
import chengguan.organization.RosterService;
import chengguan.organization.StaffRow;
import chengguan.organization.StaffView;
import chengguan.platform.security.Role;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.storage.StoredFile;
import chengguan.platform.web.InvalidRequestException;
import chengguan.platform.web.NotFoundException;

@Controller
@RequestMapping("/org/staff")
class RosterController {

	private final RosterService roster;

	RosterController(RosterService roster) {
		this.roster = roster;
	}

	@GetMapping
	String search(@RequestParam(required = false) String q, @RequestParam(required = false) Long unitId,
			@RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = "HX-Request", required = false) String htmx,
			@AuthenticationPrincipal StaffPrincipal me, Model model) {
		if (q != null && q.length() > 50) {
			throw new InvalidRequestException("roster.queryTooLong");
		}
		if (unitId != null) {
			roster.unit(unitId, me); // a unit the person may not see is refused, not answered with an empty list
		}
		RosterQuery query = new RosterQuery(q, unitId, page);
		List<StaffRow> found = roster.search(query, me.scope());
		boolean hasNext = found.size() > RosterQuery.PAGE_SIZE;
		model.addAttribute("query", query);
		model.addAttribute("rows", hasNext ? found.subList(0, RosterQuery.PAGE_SIZE) : found);
		model.addAttribute("hasNext", hasNext);
		model.addAttribute("units", roster.visibleUnits(me.scope()));
		return htmx != null ? "organization/roster :: results" : "organization/roster";
	}

	@GetMapping("/new")
	@PreAuthorize("hasRole('ADMIN')")
	String newStaff(@AuthenticationPrincipal StaffPrincipal me, Model model) {
		return form(null, StaffForm.blank(), me, model);
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
		StaffView staff = roster.staff(id, me);
		return form(staff, StaffForm.of(staff), me, model);
	}

	@PostMapping
	@PreAuthorize("hasRole('ADMIN')")
	String create(@Valid @ModelAttribute("form") StaffForm form, BindingResult errors,
			@AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return form(null, form, me, model);
		}
		StaffView created = roster.createStaff(form.details(), me);
		redirect.addFlashAttribute("notice", "created");
		return "redirect:/org/staff/" + created.id();
	}

	@PostMapping("/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") StaffForm form, BindingResult errors,
			@AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect) {
		StaffView staff = roster.staff(id, me);
		if (errors.hasErrors() || form.version() == null) {
			return form(staff, form, me, model);
		}
		roster.updateStaff(id, form.version(), form.details(), me);
		redirect.addFlashAttribute("notice", "saved");
		return "redirect:/org/staff/" + id;
	}

	@PostMapping("/{id}/photo")
	@PreAuthorize("hasRole('ADMIN')")
	String uploadPhoto(@PathVariable long id, @RequestParam("photo") MultipartFile photo,
			@AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) throws IOException {
		roster.replacePhoto(id, photo.getBytes(), me);
		redirect.addFlashAttribute("notice", "photoSaved");
		return "redirect:/org/staff/" + id;
	}

	@GetMapping("/{id}/photo")
	ResponseEntity<byte[]> photo(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me) {
		StoredFile file = roster.photo(id, me).orElseThrow(NotFoundException::new);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(10)).cachePrivate())
			.header("X-Content-Type-Options", "nosniff")
			.body(file.content());
	}

	private String form(StaffView staff, StaffForm form, StaffPrincipal me, Model model) {
		model.addAttribute("staff", staff);
		if (!model.containsAttribute("form")) { // keeps the BindingResult of a rejected submission
			model.addAttribute("form", form);
		}
		model.addAttribute("editable", me.hasRole(Role.ADMIN)
				&& (staff == null || me.scope().covers(staff.unitRegionPath())));
		model.addAttribute("unitChoices", roster.editableUnits(me.scope()));
		return "organization/staff-form";
	}

}
