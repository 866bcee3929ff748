package chengguan.engagement.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import chengguan.engagement.FrontageDuty;
import chengguan.engagement.MerchantPointItems;
import chengguan.engagement.MerchantRanking;
import chengguan.engagement.MerchantStar;

/** The 门前三包 points table: everyone who reads rankings sees it; administrators change it. */
@Controller
@PreAuthorize(VolunteerController.READERS)
class MerchantPointItemController {

	private final MerchantPointItems items;

	MerchantPointItemController(MerchantPointItems items) {
		this.items = items;
	}

	@GetMapping("/engagement/merchants/points")
	String table(Model model) {
		model.addAttribute("items", items.all());
		model.addAttribute("duties", FrontageDuty.values());
		model.addAttribute("stars", MerchantStar.values());
		model.addAttribute("monthlyStart", MerchantRanking.MONTHLY_START);
		return "engagement/merchant-points";
	}

	@PostMapping("/engagement/merchants/points")
	@PreAuthorize("hasRole('ADMIN')")
	String create(@RequestParam(required = false) String name, @RequestParam(required = false) FrontageDuty duty,
			@RequestParam(required = false) Integer points, RedirectAttributes redirect) {
		items.create(name, duty, points);
		redirect.addFlashAttribute("notice", "merchantPointItemSaved");
		return "redirect:/engagement/merchants/points";
	}

	@PostMapping("/engagement/merchants/points/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	String update(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) String name,
			@RequestParam(required = false) FrontageDuty duty, @RequestParam(required = false) Integer points,
			@RequestParam(defaultValue = "false") boolean active, RedirectAttributes redirect) {
		items.update(id, version, name, duty, points, active);
		redirect.addFlashAttribute("notice", "merchantPointItemSaved");
		return "redirect:/engagement/merchants/points";
	}

}
