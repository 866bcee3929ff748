package chengguan.assessment.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

import chengguan.assessment.WorkstationChecklists;
import chengguan.organization.UnitView;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.storage.StoredFile;
import chengguan.platform.storage.UploadedFiles;
import chengguan.platform.web.FormSubmissions;
import chengguan.platform.web.InvalidRequestException;

/**
 * 规范化创建 and 优秀工作室: the workstations in scope with their checklist and 优秀 scores and the shortlist, one
 * workstation's checklist with its evidence, uploads and reviews.
 */
@Controller
@RequestMapping("/assessment/workstations")
@PreAuthorize("hasAnyRole('LEADER', 'ADMIN', 'INSPECTOR', 'DISPATCHER', 'LIAISON', 'COMMUNITY_STAFF')")
class WorkstationController {

	private static final int DEFAULT_SHORTLIST = 50;

	private final WorkstationChecklists checklists;

	private final FormSubmissions submissions;

	WorkstationController(WorkstationChecklists checklists, FormSubmissions submissions) {
		this.checklists = checklists;
		this.submissions = submissions;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "" + DEFAULT_SHORTLIST) int top,
			@AuthenticationPrincipal StaffPrincipal me, Model model) {
		if (top < 1 || top > 500) {
			throw new InvalidRequestException("assessment.workstation.top");
		}
		model.addAttribute("standings", checklists.standings(me.scope()));
		model.addAttribute("shortlist", checklists.shortlist(me.scope(), top));
		model.addAttribute("top", top);
		model.addAttribute("standard", WorkstationChecklists.STANDARD);
		return "assessment/workstations";
	}

	@GetMapping("/{unitId}")
	String checklist(@PathVariable long unitId, @AuthenticationPrincipal StaffPrincipal me, Model model) {
		UnitView workstation = checklists.workstation(unitId, me);
		List<WorkstationChecklists.Evidence> evidence = checklists.evidence(unitId);
		Map<Long, List<WorkstationChecklists.Evidence>> byItem = evidence.stream()
			.collect(Collectors.groupingBy(WorkstationChecklists.Evidence::itemId));
		model.addAttribute("workstation", workstation);
		model.addAttribute("items", checklists.items());
		model.addAttribute("evidence", byItem);
		model.addAttribute("score", checklists.checklistScore(unitId));
		model.addAttribute("standard", WorkstationChecklists.STANDARD);
		return "assessment/workstation";
	}

	@PostMapping("/{unitId}/evidence")
	@PreAuthorize("hasAnyRole('ADMIN', 'LEADER', 'LIAISON', 'COMMUNITY_STAFF')")
	String addEvidence(@PathVariable long unitId, @RequestParam long itemId,
			@RequestParam(name = "file", required = false) List<MultipartFile> file,
			@RequestParam(required = false) String note, @AuthenticationPrincipal StaffPrincipal me, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return submissions.submit(null, model, response, () -> {
			List<byte[]> uploads = UploadedFiles.contents(file);
			checklists.addEvidence(unitId, itemId, uploads.isEmpty() ? null : uploads.get(0), note, me);
			redirect.addFlashAttribute("notice", "evidenceAdded");
			return "redirect:/assessment/workstations/" + unitId + "#item-" + itemId;
		}, () -> checklist(unitId, me, model));
	}

	@PostMapping("/evidence/{id}/review")
	@PreAuthorize("hasAnyRole('ADMIN', 'LEADER', 'INSPECTOR')")
	String review(@PathVariable long id, @RequestParam boolean accepted, @RequestParam long unitId,
			@AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
		checklists.review(id, accepted, me);
		redirect.addFlashAttribute("notice", "evidenceReviewed");
		return "redirect:/assessment/workstations/" + unitId;
	}

	@GetMapping("/evidence/{id}/file")
	ResponseEntity<byte[]> file(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me) {
		StoredFile file = checklists.evidenceFile(id, me);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.cacheControl(CacheControl.noStore())
			.header("X-Content-Type-Options", "nosniff")
			.body(file.content());
	}

}
