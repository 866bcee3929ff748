package chengguan.fieldwork.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
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

import chengguan.cases.CaseRow;
import chengguan.catalog.CategoryService;
import chengguan.catalog.ReportableCategory;
import chengguan.fieldwork.Campaign;
import chengguan.fieldwork.CampaignDetails;
import chengguan.fieldwork.CampaignTemplate;
import chengguan.fieldwork.Campaigns;
import chengguan.organization.RegionService;
import chengguan.platform.security.Role;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.web.FormSubmissions;
import chengguan.platform.web.NotFoundException;

/** 专项整治: the list, one campaign with its figures, cases and patrols, and the form for the office. */
@Controller
@RequestMapping("/fieldwork/campaigns")
class CampaignController {

	private static final String ORGANIZERS = "hasAnyRole('ADMIN','DISPATCHER','LEADER')";

	/** The campaign page lists this many of its cases; the case list finds the rest. */
	static final int CASES_SHOWN = 100;

	private final Campaigns campaigns;

	private final RegionService regions;

	private final CategoryService categories;

	private final FormSubmissions submissions;

	CampaignController(Campaigns campaigns, RegionService regions, CategoryService categories,
			FormSubmissions submissions) {
		this.campaigns = campaigns;
		this.regions = regions;
		this.categories = categories;
		this.submissions = submissions;
	}

	@GetMapping
	String list(@AuthenticationPrincipal StaffPrincipal me, Model model) {
		model.addAttribute("campaigns", campaigns.visible(me));
		model.addAttribute("today", campaigns.today());
		model.addAttribute("templates", campaigns.templates());
		model.addAttribute("organizer", organizer(me));
		return "fieldwork/campaign-list";
	}

	@GetMapping("/new")
	@PreAuthorize(ORGANIZERS)
	String newCampaign(@RequestParam(required = false) Long template, @AuthenticationPrincipal StaffPrincipal me,
			Model model) {
		CampaignForm form;
		if (template != null) {
			CampaignTemplate chosen = campaigns.template(template).orElseThrow(NotFoundException::new);
			form = CampaignForm.of(campaigns.fromTemplate(chosen, campaigns.today(), campaigns.today().plusMonths(1),
					List.of(me.scope().homeRegionId())));
		}
		else {
			form = CampaignForm.of(new CampaignDetails("", "", campaigns.today(), campaigns.today().plusMonths(1),
					List.of(me.scope().homeRegionId()), List.of(), null));
		}
		return form(null, form, me, model);
	}

	@PostMapping
	@PreAuthorize(ORGANIZERS)
	String create(@Valid @ModelAttribute("form") CampaignForm form, BindingResult errors,
			@AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		if (errors.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return form(null, form, me, model);
		}
		return submissions.submit(null, model, response, () -> {
			Campaign created = campaigns.create(form.details(), me);
			redirect.addFlashAttribute("notice", "created");
			return "redirect:/fieldwork/campaigns/" + created.id();
		}, () -> form(null, form, me, model));
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
		Campaign campaign = campaigns.get(id, me);
		List<CaseRow> cases = campaigns.cases(campaign, CASES_SHOWN, me);
		model.addAttribute("campaign", campaign);
		model.addAttribute("status", campaigns.status(campaign));
		model.addAttribute("progress", campaigns.progress(campaign, me));
		model.addAttribute("cases", cases.size() > CASES_SHOWN ? cases.subList(0, CASES_SHOWN) : cases);
		model.addAttribute("moreCases", cases.size() > CASES_SHOWN);
		model.addAttribute("patrols", campaigns.patrols(campaign, me));
		model.addAttribute("focusGroups", focusGroups(campaign));
		model.addAttribute("editable", organizer(me) && campaign.within(me.scope()));
		model.addAttribute("scopeName", me.scope().homeRegionName());
		return "fieldwork/campaign-detail";
	}

	@GetMapping("/{id}/edit")
	@PreAuthorize(ORGANIZERS)
	String edit(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
		Campaign campaign = campaigns.get(id, me);
		return form(campaign, CampaignForm.of(campaign), me, model);
	}

	@PostMapping("/{id}")
	@PreAuthorize(ORGANIZERS)
	String update(@PathVariable long id, @Valid @ModelAttribute("form") CampaignForm form, BindingResult errors,
			@AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Campaign campaign = campaigns.get(id, me);
		if (errors.hasErrors() || form.getVersion() == null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return form(campaign, form, me, model);
		}
		return submissions.submit(null, model, response, () -> {
			campaigns.update(id, form.getVersion(), form.details(), me);
			redirect.addFlashAttribute("notice", "saved");
			return "redirect:/fieldwork/campaigns/" + id;
		}, () -> form(campaign, form, me, model));
	}

	private String form(Campaign campaign, CampaignForm form, StaffPrincipal me, Model model) {
		model.addAttribute("campaign", campaign);
		if (!model.containsAttribute("form")) { // keeps the BindingResult of a rejected submission
			model.addAttribute("form", form);
		}
		model.addAttribute("template",
				form.getTemplateId() == null ? null : campaigns.template(form.getTemplateId()).orElse(null));
		model.addAttribute("regionChoices", regions.within(me.scope()));
		Map<String, List<ReportableCategory>> groups = new LinkedHashMap<>();
		for (ReportableCategory category : categories.reportable()) {
			groups.computeIfAbsent(category.groupPath(), key -> new ArrayList<>()).add(category);
		}
		model.addAttribute("categoryGroups", groups);
		return "fieldwork/campaign-form";
	}

	/** The campaign's categories by the template's focus items, in the document's order; the rest under 其他. */
	private static Map<String, List<Campaign.Focus>> focusGroups(Campaign campaign) {
		Map<String, List<Campaign.Focus>> groups = new LinkedHashMap<>();
		for (Campaign.Focus focus : campaign.categories()) {
			groups.computeIfAbsent(focus.focus() == null ? "其他" : focus.focus(), key -> new ArrayList<>())
				.add(focus);
		}
		return groups;
	}

	private static boolean organizer(StaffPrincipal me) {
		return me.hasAnyRole(Role.ADMIN, Role.DISPATCHER, Role.LEADER);
	}

}
