package chengguan.engagement.web;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import chengguan.engagement.PublicityEvent;
import chengguan.engagement.PublicityEventKind;
import chengguan.engagement.PublicityEvents;
import chengguan.organization.RegionService;
import chengguan.organization.RegionView;
import chengguan.organization.RosterService;
import chengguan.platform.documents.QrCodes;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.storage.StoredFile;
import chengguan.platform.storage.UploadedFiles;
import chengguan.platform.web.FormSubmissions;

/** Staff pages of publicity events: plan, the event page with sign-ups and attendance, photos, held with a summary. */
@Controller
class PublicityEventController {

	private final FormSubmissions submissions;

	private final PublicityEvents events;

	private final RegionService regions;

	private final RosterService roster;

	private final NeedPublicLinks links;

	PublicityEventController(PublicityEvents events, RegionService regions, RosterService roster, NeedPublicLinks links, FormSubmissions submissions) {
		this.submissions = submissions;
		this.events = events;
		this.regions = regions;
		this.roster = roster;
		this.links = links;
	}

	@GetMapping("/engagement/events")
	String list(@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal StaffPrincipal me,
			Model model) {
		List<PublicityEvent> found = events.list(me, Math.max(page, 0));
		boolean hasNext = found.size() > PublicityEvents.PAGE_SIZE;
		model.addAttribute("events", hasNext ? found.subList(0, PublicityEvents.PAGE_SIZE) : found);
		model.addAttribute("page", Math.max(page, 0));
		model.addAttribute("hasNext", hasNext);
		model.addAttribute("today", events.today());
		return "engagement/event-list";
	}

	@GetMapping("/engagement/events/new")
	@PreAuthorize(NeedController.WRITERS)
	String form(@AuthenticationPrincipal StaffPrincipal me, Model model) {
		PublicityEventForm form = new PublicityEventForm();
		form.setDate(events.today().plusDays(7));
		form.setStart(LocalTime.of(9, 0));
		form.setEnd(LocalTime.of(11, 0));
		form.setOrganiserStaffId(me.staffId());
		return renderForm(form, me, model);
	}

	private String renderForm(PublicityEventForm form, StaffPrincipal me, Model model) {
		List<RegionView> communities = regions.communities(me.scope());
		model.addAttribute("form", form);
		model.addAttribute("communities", communities);
		model.addAttribute("kinds", PublicityEventKind.values());
		// staff of units in the person's scope and of the levels above (the bureau's 科室 at district level)
		model.addAttribute("organisers", roster.candidatesFor(me.scope().homeRegionPath(), me.scope()));
		return "engagement/event-form";
	}

	@PostMapping("/engagement/events")
	@PreAuthorize(NeedController.WRITERS)
	String plan(@ModelAttribute("form") PublicityEventForm form, BindingResult binding,
			@AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return submissions.submit(binding, model, response, () -> {
			long id = events.plan(form.plan(), me);
			redirect.addFlashAttribute("notice", "eventPlanned");
			return "redirect:/engagement/events/" + id;
		}, () -> renderForm(form, me, model));
	}

	@GetMapping("/engagement/events/{id}")
	String event(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
		return renderEvent(events.get(id, me), "", me, model);
	}

	private String renderEvent(PublicityEvent event, String summary, StaffPrincipal me, Model model) {
		model.addAttribute("event", event);
		model.addAttribute("signUps", events.signUps(event.id(), me));
		model.addAttribute("publicUrl", links.eventPage(event.code()));
		model.addAttribute("summary", summary);
		model.addAttribute("canMarkHeld", !event.date().isAfter(events.today()));
		return "engagement/event-detail";
	}

	@PostMapping("/engagement/events/{id}/signups/{signUpId}/attendance")
	@PreAuthorize(NeedController.WRITERS)
	String attendance(@PathVariable long id, @PathVariable long signUpId, @RequestParam boolean attended,
			@AuthenticationPrincipal StaffPrincipal me) {
		events.markAttendance(id, signUpId, attended, me);
		return "redirect:/engagement/events/" + id + "#signups";
	}

	@PostMapping("/engagement/events/{id}/photos")
	@PreAuthorize(NeedController.WRITERS)
	String addPhotos(@PathVariable long id, @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
			@AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return act(id, "", me, model, redirect, response, "eventPhotosAdded",
				() -> events.addPhotos(id, UploadedFiles.contents(photos), me));
	}

	@GetMapping("/engagement/events/{id}/photos/{index}")
	ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable int index,
			@AuthenticationPrincipal StaffPrincipal me) {
		StoredFile file = events.photo(id, index, me);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
			.body(file.content());
	}

	@PostMapping("/engagement/events/{id}/held")
	@PreAuthorize(NeedController.WRITERS)
	String markHeld(@PathVariable long id, @RequestParam long version, @RequestParam(defaultValue = "") String summary,
			@AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return act(id, summary, me, model, redirect, response, "eventHeld",
				() -> events.markHeld(id, version, summary, me));
	}

	private String act(long id, String summary, StaffPrincipal me, Model model, RedirectAttributes redirect,
			HttpServletResponse response, String notice, Runnable action) {
		PublicityEvent before = events.get(id, me);
		return submissions.submit(null, model, response, () -> {
			action.run();
			redirect.addFlashAttribute("notice", notice);
			return "redirect:/engagement/events/" + id;
		}, () -> renderEvent(before, summary.length() > 2000 ? summary.substring(0, 2000) : summary, me, model));
	}

	/** The QR code of the event's sign-up page, for its poster. */
	@GetMapping("/engagement/events/{id}/qr.png")
	ResponseEntity<byte[]> qr(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me) {
		PublicityEvent event = events.get(id, me);
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
			.body(QrCodes.png(links.eventPage(event.code()), 360));
	}

}
