package chengguan.platform.audit.web;

import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import chengguan.platform.audit.AuditAction;
import chengguan.platform.audit.AuditEvent;
import chengguan.platform.audit.AuditLog;
import chengguan.platform.audit.AuditQuery;
import chengguan.platform.history.HistoryCheck;

@Controller
@PreAuthorize("hasAnyRole('INSPECTOR', 'ADMIN')")
class AuditController {

	private final AuditLog auditLog;

	private final HistoryCheck historyCheck;

	AuditController(AuditLog auditLog, HistoryCheck historyCheck) {
		this.auditLog = auditLog;
		this.historyCheck = historyCheck;
	}

	@GetMapping("/audit")
	String list(@RequestParam(required = false) String actor, @RequestParam(required = false) AuditAction action,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, Model model) {
		AuditQuery query = new AuditQuery(actor, action, from, to, page);
		List<AuditEvent> found = auditLog.search(query);
		boolean hasNext = found.size() > AuditQuery.PAGE_SIZE;
		model.addAttribute("query", query);
		model.addAttribute("events", hasNext ? found.subList(0, AuditQuery.PAGE_SIZE) : found);
		model.addAttribute("hasNext", hasNext);
		model.addAttribute("actions", AuditAction.values());
		// the alarm banner: a failed history check stays in sight until a check passes again
		model.addAttribute("historyCheck", historyCheck.last().orElse(null));
		return "platform/audit";
	}

}
