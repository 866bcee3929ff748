package chengguan.organization.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import chengguan.organization.AssignmentRow;
import chengguan.organization.AssignmentService;
import chengguan.organization.AssignmentView;
import chengguan.organization.CommunityTableExport;
import chengguan.organization.RosterService;
import chengguan.platform.audit.AuditAction;
import chengguan.platform.audit.AuditLog;
import chengguan.platform.security.Role;
import chengguan.platform.security.StaffPrincipal;

@Controller
@RequestMapping("/org/assignments")
class AssignmentController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final AssignmentService assignments;

	private final RosterService roster;

	private final CommunityTableExport export;

	private final AuditLog auditLog;

	AssignmentController(AssignmentService assignments, RosterService roster, CommunityTableExport export,
			AuditLog auditLog) {
		this.assignments = assignments;
		this.roster = roster;
		this.export = export;
		this.auditLog = auditLog;
	}

	@GetMapping
	String list(@AuthenticationPrincipal StaffPrincipal me, Model model) {
		model.addAttribute("rows", assignments.rows(me.scope()));
		return "organization/assignments";
	}

	@GetMapping("/export.xlsx")
	ResponseEntity<byte[]> exportTable(@AuthenticationPrincipal StaffPrincipal me) throws IOException {
		List<AssignmentRow> rows = assignments.rows(me.scope());
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		export.write(rows, out);
		auditLog.record(AuditAction.EXPORTED, "community-table", me.scope().homeRegionId(), "rows=" + rows.size());
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("城市管理进社区基本情况统计表.xlsx", StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(out.toByteArray());
	}

	@GetMapping("/{communityId}")
	String show(@PathVariable long communityId, @AuthenticationPrincipal StaffPrincipal me, Model model) {
		AssignmentView view = assignments.view(communityId, me);
		return form(view, AssignmentForm.of(view), me, model);
	}

	@PostMapping("/{communityId}")
	@PreAuthorize("hasAnyRole('ADMIN', 'LEADER')")
	String update(@PathVariable long communityId, @Valid @ModelAttribute("form") AssignmentForm form,
			BindingResult errors, @AuthenticationPrincipal StaffPrincipal me, Model model,
			RedirectAttributes redirect) {
		AssignmentView view = assignments.view(communityId, me);
		if (errors.hasErrors()) {
			return form(view, form, me, model);
		}
		assignments.update(communityId, form.version(), form.details(), me);
		redirect.addFlashAttribute("notice", "saved");
		return "redirect:/org/assignments/" + communityId;
	}

	private String form(AssignmentView view, AssignmentForm form, StaffPrincipal me, Model model) {
		model.addAttribute("view", view);
		if (!model.containsAttribute("form")) { // keeps the BindingResult of a rejected submission
			model.addAttribute("form", form);
		}
		model.addAttribute("editable", me.hasAnyRole(Role.ADMIN, Role.LEADER));
		model.addAttribute("candidates", roster.candidatesFor(view.community().path(), me.scope()));
		return "organization/assignment-form";
	}

}
