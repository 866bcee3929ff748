package chengguan.organization.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;

import chengguan.organization.NoticeCard;
import chengguan.organization.NoticeCardPdf;
import chengguan.organization.NoticeCardPrints;
import chengguan.organization.NoticeCardService;
import chengguan.organization.RegionLevel;
import chengguan.organization.RegionService;
import chengguan.platform.documents.QrCodes;
import chengguan.platform.storage.StoredFile;
import chengguan.platform.web.NotFoundException;
import chengguan.platform.web.PublicAddresses;

/** Public: a community's notice card as a page and as A4 PDF, its reporting QR code, and card photos. */
@Controller
class NoticeCardController {

	private final NoticeCardService cards;

	/** Public and shared by everyone, but revalidated each time (a 304 when unchanged). */
	private static final CacheControl CARD_CACHING = CacheControl.noCache().cachePublic();

	private final NoticeCardPrints prints;

	private final RegionService regions;

	private final PublicAddresses addresses;

	NoticeCardController(NoticeCardService cards, NoticeCardPrints prints, RegionService regions,
			PublicAddresses addresses) {
		this.cards = cards;
		this.prints = prints;
		this.regions = regions;
		this.addresses = addresses;
	}

	@GetMapping(PublicAddresses.NOTICE_CARD)
	String card(@PathVariable String communityCode, Model model) {
		NoticeCard card = cards.forCommunity(communityCode).orElseThrow(NotFoundException::new);
		model.addAttribute("card", card);
		model.addAttribute("reportUrl", addresses.reportPage(communityCode));
		model.addAttribute("roleNames", NoticeCardPdf.ROLE_NAMES);
		return "organization/notice-card";
	}

	/**
	 * The card is built once per content version (see {@link NoticeCardPrints}); its version is the ETag, and
	 * browsers and proxies revalidate on every use, so a change of staff shows at once and costs a 304 otherwise.
	 */
	@GetMapping(PublicAddresses.NOTICE_CARD + "/card.pdf")
	ResponseEntity<byte[]> cardPdf(@PathVariable String communityCode, WebRequest webRequest,
			HttpServletRequest request) {
		NoticeCard card = cards.forCommunity(communityCode).orElseThrow(NotFoundException::new);
		String reportUrl = addresses.reportPage(communityCode);
		String etag = "\"" + prints.version(card, reportUrl) + "\"";
		if (webRequest.checkNotModified(etag)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(CARD_CACHING).build();
		}
		NoticeCardPrints.Printed printed = prints.print(card, reportUrl, request.getRemoteAddr());
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.eTag("\"" + printed.version() + "\"")
			.cacheControl(CARD_CACHING)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline()
						.filename(card.community().name() + "公示牌.pdf", StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(printed.pdf());
	}

	/** The reporting QR code of a community, compound or grid, for printing on stickers and boards. */
	@GetMapping("/public/places/{regionCode}/qr.png")
	ResponseEntity<byte[]> qr(@PathVariable String regionCode) {
		regions.findByCode(regionCode)
			.filter(region -> region.level() == RegionLevel.COMMUNITY || region.level() == RegionLevel.COMPOUND
					|| region.level() == RegionLevel.GRID)
			.orElseThrow(NotFoundException::new);
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
			.body(QrCodes.png(addresses.reportPage(regionCode), 480));
	}

	@GetMapping("/public/staff/{staffId}/photo")
	ResponseEntity<byte[]> photo(@PathVariable long staffId) {
		StoredFile photo = cards.photoOnCard(staffId).orElseThrow(NotFoundException::new);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(photo.contentType()))
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(10)).cachePublic())
			.body(photo.content());
	}

}
