package chengguan.platform.history.web;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import chengguan.platform.audit.AuditAction;
import chengguan.platform.audit.AuditLog;
import chengguan.platform.history.HistoryAnchors;
import chengguan.platform.history.HistoryCheck;

/** The history check for administrators: the last result with the affected cases, run it now, anchor now. */
@Controller
class HistoryCheckController {

	private final HistoryCheck check;

	private final HistoryAnchors anchors;

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	HistoryCheckController(HistoryCheck check, HistoryAnchors anchors, JdbcClient jdbc, AuditLog auditLog) {
		this.check = check;
		this.anchors = anchors;
		this.jdbc = jdbc;
		this.auditLog = auditLog;
	}

	@GetMapping("/audit/history")
	@PreAuthorize("hasAnyRole('INSPECTOR', 'ADMIN')")
	String show(Model model) {
		model.addAttribute("result", check.last().orElse(null));
		model.addAttribute("anchorFile", anchors.file().toAbsolutePath().toString());
		return "platform/history-check";
	}

	@PostMapping("/audit/history/check")
	@PreAuthorize("hasRole('ADMIN')")
	String runNow(RedirectAttributes redirect) {
		auditLog.record(AuditAction.HISTORY_CHECK_RUN, "history_check", null, null);
		HistoryCheck.Result result = check.run("管理员手动");
		redirect.addFlashAttribute("notice", result.intact() ? "校验完成：完整" : "校验完成：发现篡改迹象");
		return "redirect:/audit/history";
	}

	@PostMapping("/audit/history/anchor")
	@PreAuthorize("hasRole('ADMIN')")
	String anchorNow(RedirectAttributes redirect) {
		HistoryAnchors.Anchor anchor = anchors.append(jdbc);
		auditLog.record(AuditAction.HISTORY_ANCHORED, "history_anchor", anchor.line(), null);
		redirect.addFlashAttribute("notice", "已写入锚点（" + anchor.at() + "）");
		return "redirect:/audit/history";
	}

}
