package chengguan.engagement.web;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import chengguan.engagement.FrontageDuty;
import chengguan.engagement.Merchant;
import chengguan.engagement.MerchantInspections;
import chengguan.engagement.MerchantPointItems;
import chengguan.engagement.MerchantRanking;
import chengguan.engagement.MerchantRankings;
import chengguan.engagement.MerchantStar;
import chengguan.engagement.Merchants;
import chengguan.organization.RegionLevel;
import chengguan.organization.RegionService;
import chengguan.organization.RegionView;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.web.UserFacingException;

/**
 * 门前三包 for staff: the monthly ranking of a community or street with 最美商户 and stars, merchant records, and
 * inspections that add or deduct points.
 */
@Controller
@PreAuthorize(VolunteerController.READERS)
class MerchantController {

	private final Merchants merchants;

	private final MerchantInspections inspections;

	private final MerchantPointItems items;

	private final MerchantRankings rankings;

	private final RegionService regions;

	private final MessageSource messages;

	MerchantController(Merchants merchants, MerchantInspections inspections, MerchantPointItems items,
			MerchantRankings rankings, RegionService regions, MessageSource messages) {
		this.merchants = merchants;
		this.inspections = inspections;
		this.items = items;
		this.rankings = rankings;
		this.regions = regions;
		this.messages = messages;
	}

	/** The ranking of the person's home region, or of a community or street they choose, for a month. */
	@GetMapping("/engagement/merchants")
	String ranking(@RequestParam(required = false) Long regionId,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
			@AuthenticationPrincipal StaffPrincipal me, Model model) {
		long shownRegion = regionId != null ? regionId : me.scope().homeRegionId();
		YearMonth shownMonth = month != null ? month : rankings.currentMonth();
		MerchantRanking ranking = rankings.ranking(shownRegion, shownMonth, me);
		model.addAttribute("ranking", ranking);
		model.addAttribute("regionId", shownRegion);
		model.addAttribute("regionChoices", regions.within(me.scope())
			.stream()
			.filter(region -> region.level() == RegionLevel.STREET || region.level() == RegionLevel.COMMUNITY
					|| region.id() == me.scope().homeRegionId())
			.toList());
		model.addAttribute("months", recentMonths(rankings.currentMonth()));
		model.addAttribute("stars", MerchantStar.values());
		return "engagement/merchant-ranking";
	}

	static List<YearMonth> recentMonths(YearMonth current) {
		List<YearMonth> months = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			months.add(current.minusMonths(i));
		}
		return months;
	}

	@GetMapping("/engagement/merchants/new")
	@PreAuthorize(VolunteerController.MANAGERS)
	String newMerchant(@AuthenticationPrincipal StaffPrincipal me, Model model) {
		MerchantForm form = new MerchantForm();
		if (regions.find(me.scope().homeRegionId()).map(RegionView::level).orElse(null) == RegionLevel.COMMUNITY) {
			form.setCommunityId(me.scope().homeRegionId());
		}
		return renderForm(null, form, me, model);
	}

	private String renderForm(Merchant merchant, MerchantForm form, StaffPrincipal me, Model model) {
		model.addAttribute("merchant", merchant);
		model.addAttribute("form", form);
		model.addAttribute("communities", regions.communities(me.scope()));
		model.addAttribute("duties", FrontageDuty.values());
		return "engagement/merchant-form";
	}

	@PostMapping("/engagement/merchants")
	@PreAuthorize(VolunteerController.MANAGERS)
	String create(@ModelAttribute("form") MerchantForm form, BindingResult binding,
			@AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return save(null, form, binding, me, model, redirect, response);
	}

	@GetMapping("/engagement/merchants/{id}/edit")
	@PreAuthorize(VolunteerController.MANAGERS)
	String edit(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
		Merchant merchant = merchants.get(id, me);
		return renderForm(merchant, MerchantForm.of(merchant), me, model);
	}

	@PostMapping("/engagement/merchants/{id}")
	@PreAuthorize(VolunteerController.MANAGERS)
	String update(@PathVariable long id, @ModelAttribute("form") MerchantForm form, BindingResult binding,
			@AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return save(merchants.get(id, me), form, binding, me, model, redirect, response);
	}

	private String save(Merchant existing, MerchantForm form, BindingResult binding, StaffPrincipal me, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		if (binding.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("error", messages.getMessage(binding.getAllErrors().get(0), LocaleContextHolder.getLocale()));
			return renderForm(existing, form, me, model);
		}
		try {
			Merchant saved = existing == null ? merchants.create(form.details(), me)
					: merchants.update(existing.id(), form.getVersion(), form.details(), me);
			redirect.addFlashAttribute("notice", "merchantSaved");
			return "redirect:/engagement/merchants/" + saved.id();
		}
		catch (UserFacingException ex) {
			if (!ex.correctableInForm()) {
				throw ex;
			}
			response.setStatus(ex.status().value());
			model.addAttribute("error", ex.message(messages));
			return renderForm(existing, form, me, model);
		}
	}

	@GetMapping("/engagement/merchants/{id}")
	String merchant(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
		return renderMerchant(merchants.get(id, me), MerchantInspectionForm.of(items.active()), me, model);
	}

	private String renderMerchant(Merchant merchant, MerchantInspectionForm form, StaffPrincipal me, Model model) {
		model.addAttribute("merchant", merchant);
		model.addAttribute("inspections", inspections.history(merchant.id(), me));
		model.addAttribute("items", items.active());
		model.addAttribute("form", form);
		MerchantRanking ranking = rankings.ranking(merchant.communityId(), rankings.currentMonth(), me);
		model.addAttribute("standing", ranking.rows()
			.stream()
			.filter(row -> row.tally().merchantId() == merchant.id())
			.findFirst()
			.orElse(null));
		return "engagement/merchant-detail";
	}

	@PostMapping("/engagement/merchants/{id}/inspections")
	@PreAuthorize(VolunteerController.MANAGERS)
	String inspect(@PathVariable long id, @ModelAttribute("form") MerchantInspectionForm form, BindingResult binding,
			@AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Merchant merchant = merchants.get(id, me);
		if (binding.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("error", messages.getMessage(binding.getAllErrors().get(0), LocaleContextHolder.getLocale()));
			return renderMerchant(merchant, form, me, model);
		}
		try {
			int net = inspections.record(id, form.entry(), me).netPoints();
			redirect.addFlashAttribute("notice", "merchantInspected");
			redirect.addFlashAttribute("noticeArgs", new Object[] { net > 0 ? "+" + net : String.valueOf(net) });
			return "redirect:/engagement/merchants/" + id;
		}
		catch (UserFacingException ex) {
			if (!ex.correctableInForm()) {
				throw ex;
			}
			response.setStatus(ex.status().value());
			model.addAttribute("error", ex.message(messages));
			return renderMerchant(merchant, form, me, model);
		}
	}

}
