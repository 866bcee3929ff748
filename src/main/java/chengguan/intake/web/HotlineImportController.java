package chengguan.intake.web;

import java.io.IOException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import chengguan.intake.HotlineImportService;
import chengguan.intake.ImportField;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.web.InvalidRequestException;

/** 12345 work orders in: upload, preview with row errors, confirm, watch the progress; and the import profiles. */
@Controller
@RequestMapping("/intake/imports")
@PreAuthorize("hasAnyRole('ADMIN','DISPATCHER')")
class HotlineImportController {

	private final HotlineImportService imports;

	HotlineImportController(HotlineImportService imports) {
		this.imports = imports;
	}

	@GetMapping
	String index(@AuthenticationPrincipal StaffPrincipal me, Model model) {
		model.addAttribute("batches", imports.recent(me));
		model.addAttribute("profiles", imports.profiles());
		return "intake/imports";
	}

	@PostMapping
	String upload(@RequestParam long profileId, @RequestParam(required = false) MultipartFile file,
			@AuthenticationPrincipal StaffPrincipal me) throws IOException {
		if (file == null || file.isEmpty()) {
			throw new InvalidRequestException("import.file.empty");
		}
		long batchId = imports.preview(profileId, file.getOriginalFilename(), file.getBytes(), me);
		return "redirect:/intake/imports/" + batchId;
	}

	@GetMapping("/{id}")
	String batch(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
		model.addAttribute("batch", imports.batch(id, me));
		model.addAttribute("errors", imports.errors(id, me));
		return "intake/import-batch";
	}

	/** The progress fragment htmx polls while an import runs; it stops polling itself when the import is done. */
	@GetMapping("/{id}/progress")
	String progress(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
		model.addAttribute("batch", imports.batch(id, me));
		return "intake/import-batch :: progress";
	}

	@PostMapping("/{id}/start")
	String start(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
		imports.start(id, me);
		redirect.addFlashAttribute("notice", "importStarted");
		return "redirect:/intake/imports/" + id;
	}

	@GetMapping("/profiles/{id}")
	String profile(@PathVariable long id, Model model) {
		model.addAttribute("profile", imports.profile(id));
		model.addAttribute("fields", ImportField.values());
		return "intake/import-profile";
	}

	@PostMapping("/profiles/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	String saveProfile(@PathVariable long id, @RequestParam long version, @RequestParam String name,
			@RequestParam String columns, @RequestParam(defaultValue = "") String categories,
			RedirectAttributes redirect) {
		imports.saveProfile(id, version, name, columns, categories);
		redirect.addFlashAttribute("notice", "saved");
		return "redirect:/intake/imports/profiles/" + id;
	}

}
