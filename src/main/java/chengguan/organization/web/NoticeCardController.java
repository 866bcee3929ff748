package chengguan.organization.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import chengguan.organization.NoticeCard;
import chengguan.organization.NoticeCardPdf;
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

	private final NoticeCardPdf pdf;

	private final RegionService regions;

	private final PublicAddresses addresses;

	NoticeCardController(NoticeCardService cards, NoticeCardPdf pdf, RegionService regions,
			PublicAddresses addresses) {
		this.cards = cards;
		this.pdf = pdf;
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

	@GetMapping(PublicAddresses.NOTICE_CARD + "/card.pdf")
	ResponseEntity<byte[]> cardPdf(@PathVariable String communityCode) throws IOException {
		NoticeCard card = cards.forCommunity(communityCode).orElseThrow(NotFoundException::new);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		pdf.write(card, addresses.reportPage(communityCode),
				staffId -> cards.photoOnCard(staffId).map(StoredFile::content).orElse(null), out);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline()
						.filename(card.community().name() + "公示牌.pdf", StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(out.toByteArray());
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
