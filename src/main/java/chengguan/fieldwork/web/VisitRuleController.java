package chengguan.fieldwork.web;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import chengguan.fieldwork.VisitPeriod;
import chengguan.fieldwork.VisitRule;
import chengguan.fieldwork.VisitRules;
import chengguan.organization.RegionLevel;
import chengguan.organization.RegionService;
import chengguan.organization.RegionView;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.web.InvalidRequestException;

/**
 * Visit rules down the region tree: what each region has set and what it follows. Leaders and administrators set
 * or clear a region's own rule inside their scope.
 */
@Controller
class VisitRuleController {

	private static final List<RegionLevel> RULE_LEVELS = List.of(RegionLevel.CITY, RegionLevel.DISTRICT,
			RegionLevel.STREET, RegionLevel.COMMUNITY);

	/** A region with its own rule (if any) and the rule that applies there. */
	record RuleRow(RegionView region, Optional<VisitRule> own, Optional<VisitRule> applying, String applyingFrom) {
	}

	private final VisitRules rules;

	private final RegionService regions;

	private final MessageSource messages;

	VisitRuleController(VisitRules rules, RegionService regions, MessageSource messages) {
		this.rules = rules;
		this.regions = regions;
		this.messages = messages;
	}

	@GetMapping("/fieldwork/rules")
	String rules(@AuthenticationPrincipal StaffPrincipal me, Model model) {
		List<RuleRow> rows = regions.within(me.scope())
			.stream()
			.filter(region -> RULE_LEVELS.contains(region.level()))
			.map(region -> {
				Optional<VisitRule> applying = rules.applying(region.id());
				return new RuleRow(region, rules.own(region.id()), applying,
						applying.flatMap(rule -> regions.find(rule.regionId())).map(RegionView::name).orElse(null));
			})
			.toList();
		model.addAttribute("rows", rows);
		model.addAttribute("periods", VisitPeriod.values());
		model.addAttribute("today", rules.today());
		return "fieldwork/rules";
	}

	@PostMapping("/fieldwork/rules/{regionId}")
	@PreAuthorize("hasAnyRole('ADMIN','LEADER')")
	String set(@PathVariable long regionId, @RequestParam(required = false) VisitPeriod period,
			@RequestParam(defaultValue = "0") String minVisits, @RequestParam(defaultValue = "0") String minMinutes,
			@RequestParam(defaultValue = "0") String fixedDays, @RequestParam(required = false) String source,
			@RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate effectiveFrom,
			@AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
		int visits = number(minVisits, 0, 31);
		int minutes = number(minMinutes, 0, 24 * 60);
		int days = number(fixedDays, 0, 31);
		if (period == null || (visits == 0 && days == 0)) {
			throw new InvalidRequestException("visitRule.requirement.required");
		}
		if (period == VisitPeriod.WEEK && days > 0) {
			throw new InvalidRequestException("visitRule.fixedDays.monthOnly");
		}
		String cleanSource = source == null || source.isBlank() ? null : source.strip();
		if (cleanSource != null && cleanSource.length() > 200) {
			throw new InvalidRequestException("visitRule.source.tooLong");
		}
		rules.set(new VisitRule(regionId, period, visits, minutes, days, cleanSource), effectiveFrom, me);
		redirect.addFlashAttribute("notice", "visitRuleSaved");
		return "redirect:/fieldwork/rules#region-" + regionId;
	}

	@PostMapping("/fieldwork/rules/{regionId}/clear")
	@PreAuthorize("hasAnyRole('ADMIN','LEADER')")
	String clear(@PathVariable long regionId, @AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
		rules.clear(regionId, me);
		redirect.addFlashAttribute("notice", "visitRuleCleared");
		return "redirect:/fieldwork/rules#region-" + regionId;
	}

	private static int number(String text, int min, int max) {
		try {
			int value = Integer.parseInt(text.strip());
			if (value < min || value > max) {
				throw new InvalidRequestException("visitRule.number.range", min, max);
			}
			return value;
		}
		catch (NumberFormatException ex) {
			throw new InvalidRequestException("visitRule.number.range", min, max);
		}
	}

}
