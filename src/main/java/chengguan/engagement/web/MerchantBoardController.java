package chengguan.engagement.web;

import java.time.Duration;
import java.time.YearMonth;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import chengguan.engagement.MerchantRanking;
import chengguan.engagement.MerchantRankings;
import chengguan.engagement.MerchantStar;
import chengguan.engagement.VolunteerPlace;
import chengguan.engagement.Volunteers;
import chengguan.platform.documents.QrCodes;
import chengguan.platform.web.PublicAddresses;

/**
 * A community's public 门前三包 board: the month's ranking, 最美商户 and stars. Shop names and business types only;
 * owners and phones stay with staff.
 */
@Controller
class MerchantBoardController {

	/** Printed on the board's QR code: do not change. */
	static final String BOARD_PAGE = "/m/{communityCode}";

	private final MerchantRankings rankings;

	private final Volunteers volunteers;

	private final PublicAddresses.Settings addresses;

	MerchantBoardController(MerchantRankings rankings, Volunteers volunteers, PublicAddresses.Settings addresses) {
		this.rankings = rankings;
		this.volunteers = volunteers;
		this.addresses = addresses;
	}

	@GetMapping(BOARD_PAGE)
	String board(@PathVariable String communityCode,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month, Model model) {
		VolunteerPlace place = volunteers.place(communityCode);
		MerchantRanking ranking = rankings.publicRanking(communityCode, month);
		model.addAttribute("place", place);
		model.addAttribute("ranking", ranking);
		model.addAttribute("currentMonth", rankings.currentMonth());
		model.addAttribute("months", MerchantController.recentMonths(rankings.currentMonth()).subList(0, 6));
		model.addAttribute("stars", MerchantStar.values());
		model.addAttribute("monthlyStart", MerchantRanking.MONTHLY_START);
		return "engagement/merchant-board";
	}

	@GetMapping(BOARD_PAGE + "/qr.png")
	ResponseEntity<byte[]> qr(@PathVariable String communityCode) {
		VolunteerPlace place = volunteers.place(communityCode);
		String path = "/m/" + place.communityCode();
		String url = addresses.baseUrl() != null && !addresses.baseUrl().isBlank()
				? addresses.baseUrl().replaceAll("/+$", "") + path
				: ServletUriComponentsBuilder.fromCurrentContextPath().path(path).toUriString();
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
			.body(QrCodes.png(url, 480));
	}

}
