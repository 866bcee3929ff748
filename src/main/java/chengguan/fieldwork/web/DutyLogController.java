package chengguan.fieldwork.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import chengguan.catalog.CategoryService;
import chengguan.fieldwork.Campaign;
import chengguan.fieldwork.Campaigns;
import chengguan.fieldwork.DutyLogEntry;
import chengguan.fieldwork.DutyLogs;
import chengguan.fieldwork.WorkItem;
import chengguan.organization.RegionService;
import chengguan.organization.RegionView;
import chengguan.organization.RosterQuery;
import chengguan.organization.RosterService;
import chengguan.organization.StaffRow;
import chengguan.platform.PlatformProperties;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.storage.UploadedFiles;
import chengguan.platform.web.FormSubmissions;
import chengguan.platform.web.InvalidRequestException;

/** The phone-friendly duty-log form: a liaison records a visit right after it, with a location check-in. */
@Controller
@PreAuthorize("hasAnyRole('LIAISON','HANDLER','DISPATCHER','ADMIN')")
class DutyLogController {

	private final DutyLogs logs;

	private final RegionService regions;

	private final CategoryService categories;

	private final FormSubmissions submissions;

	private final PlatformProperties platform;

	private final java.time.Clock clock;

	private final Campaigns campaigns;

	private final RosterService roster;

	DutyLogController(DutyLogs logs, RegionService regions, CategoryService categories, FormSubmissions submissions,
			PlatformProperties platform, java.time.Clock clock, Campaigns campaigns, RosterService roster) {
		this.roster = roster;
		this.campaigns = campaigns;
		this.logs = logs;
		this.regions = regions;
		this.categories = categories;
		this.submissions = submissions;
		this.platform = platform;
		this.clock = clock;
	}

	@GetMapping("/fieldwork/logs/new")
	String form(@AuthenticationPrincipal StaffPrincipal me, Model model) {
		DutyLogForm form = new DutyLogForm();
		form.setDate(LocalDate.ofInstant(clock.instant(), platform.timeZone()));
		form.setStart(LocalTime.of(9, 0));
		form.setEnd(LocalTime.of(11, 0));
		return render(form, me, model);
	}

	@PostMapping("/fieldwork/logs")
	String record(@ModelAttribute("form") DutyLogForm form, BindingResult binding,
			@RequestParam(name = "photos", required = false) List<MultipartFile> photos,
			@AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		List<DutyLogEntry.Participant> participants = new ArrayList<>();
		if (me.staffId() != null) {
			participants.add(new DutyLogEntry.Participant(DutyLogEntry.Participant.Role.STAFF, me.staffId(), null, null));
		}
		List<Long> colleagues = colleagues(me).stream().map(StaffRow::id).toList();
		for (Long companion : new java.util.LinkedHashSet<>(form.getCompanionIds())) {
			if (companion != null && !companion.equals(me.staffId())) {
				if (!colleagues.contains(companion)) {
					throw new InvalidRequestException("dutylog.participant.unknown");
				}
				participants.add(new DutyLogEntry.Participant(DutyLogEntry.Participant.Role.STAFF, companion, null, null));
			}
		}
		if (form.getContactName() != null && !form.getContactName().isBlank()) {
			participants.add(new DutyLogEntry.Participant(DutyLogEntry.Participant.Role.COMMUNITY_CONTACT, null,
					form.getContactName().strip(), form.getContactPhone()));
		}
		return submissions.submit(binding, model, response, () -> {
			DutyLogs.Recorded recorded = logs.record(new DutyLogEntry(form.getCommunityCode(), form.getDate(),
					form.getStart(), form.getEnd(), form.getItems(), form.getWhatWasDone(), form.getFindings(),
					form.getFindingCategoryCode(), participants, form.getLatitude(), form.getLongitude(),
					form.getAccuracy(), form.getCampaignId()), UploadedFiles.contents(photos), me);
			redirect.addFlashAttribute("notice", recorded.farFromCommunity() ? "dutyLogFar" : "dutyLogSaved");
			return "redirect:/fieldwork/logs/new";
		}, () -> render(form, me, model));
	}

	/** Who may be named as having come along: the person's own unit (the first page of it, 30 people). */
	private List<StaffRow> colleagues(StaffPrincipal me) {
		return me.unitId() == null ? List.of()
				: roster.search(new RosterQuery(null, me.unitId(), 0), me.scope()).stream().filter(StaffRow::active).toList();
	}

	/** The 专项整治 choices for the chosen day and community, swapped in by htmx when either changes. */
	@GetMapping("/fieldwork/logs/campaigns")
	String campaignChoices(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) String communityCode, @RequestParam(required = false) Long campaignId,
			@AuthenticationPrincipal StaffPrincipal me, Model model) {
		if (communityCode != null && !communityCode.isBlank()) {
			// a community outside the scope is refused, not quietly answered with the person's own campaigns
			regions.findByCode(communityCode.strip()).ifPresent(community -> regions.get(community.id(), me));
		}
		model.addAttribute("campaigns", linkable(date, communityCode, me));
		model.addAttribute("selectedCampaignId", campaignId);
		return "fieldwork/log-form :: campaignOptions";
	}

	private List<Campaign> linkable(LocalDate date, String communityCode,
			StaffPrincipal me) {
		String communityPath = communityCode == null || communityCode.isBlank() ? null
				: regions.findByCode(communityCode.strip())
					.map(RegionView::path)
					.filter(path -> me.scope().covers(path))
					.orElse(null);
		return campaigns.linkable(date, communityPath, me);
	}

	private String render(DutyLogForm form, StaffPrincipal me, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("campaigns", linkable(form.getDate(), form.getCommunityCode(), me));
		model.addAttribute("selectedCampaignId", form.getCampaignId());
		model.addAttribute("communities", regions.communities(me.scope()));
		model.addAttribute("workItems", WorkItem.values());
		model.addAttribute("colleagues", colleagues(me).stream().filter(staff -> !Long.valueOf(staff.id()).equals(me.staffId())).toList());
		model.addAttribute("categories", categories.reportable());
		return "fieldwork/log-form";
	}

}
