package chengguan.engagement.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

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

import chengguan.engagement.Volunteer;
import chengguan.engagement.VolunteerActivities;
import chengguan.engagement.VolunteerActivity;
import chengguan.engagement.VolunteerOverview;
import chengguan.engagement.VolunteerStatus;
import chengguan.engagement.Volunteers;
import chengguan.organization.RegionService;
import chengguan.platform.PlatformProperties;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.web.FormSubmissions;
import chengguan.platform.web.InvalidRequestException;

/**
 * Staff pages for volunteers and citizen supervisors: approving registrations, activities with attendance, and
 * each person's hours and reports.
 */
@Controller
@PreAuthorize(VolunteerController.READERS)
class VolunteerController {

	private final FormSubmissions submissions;

	static final String READERS = "hasAnyRole('ADMIN','LEADER','DISPATCHER','LIAISON','COMMUNITY_STAFF','INSPECTOR')";

	/** Those who approve volunteers, run activities and inspect merchants. */
	static final String MANAGERS = "hasAnyRole('ADMIN','DISPATCHER','LIAISON','COMMUNITY_STAFF')";

	private final Volunteers volunteers;

	private final VolunteerActivities activities;

	private final RegionService regions;

	private final PlatformProperties platform;

	private final Clock clock;

	VolunteerController(Volunteers volunteers, VolunteerActivities activities, RegionService regions, PlatformProperties platform, Clock clock, FormSubmissions submissions) {
		this.submissions = submissions;
		this.volunteers = volunteers;
		this.activities = activities;
		this.regions = regions;
		this.platform = platform;
		this.clock = clock;
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), platform.timeZone());
	}

	@GetMapping("/engagement/volunteers")
	String list(@RequestParam(required = false) Long communityId, @RequestParam(required = false) Integer year,
			@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal StaffPrincipal me, Model model) {
		int thisYear = today().getYear();
		int shownYear = year == null || year < 2020 || year > thisYear ? thisYear : year;
		int shownPage = Math.max(page, 0);
		List<VolunteerOverview> found = volunteers.overview(me, communityId, shownYear, shownPage);
		boolean hasNext = found.size() > Volunteers.PAGE_SIZE;
		List<VolunteerOverview> rows = hasNext ? found.subList(0, Volunteers.PAGE_SIZE) : found;
		model.addAttribute("rows", rows);
		model.addAttribute("pendingCount", volunteers.pendingCount(me, communityId));
		model.addAttribute("page", shownPage);
		model.addAttribute("hasNext", hasNext);
		model.addAttribute("pending", rows.stream().filter(r -> r.volunteer().status() == VolunteerStatus.PENDING).toList());
		model.addAttribute("decided", rows.stream().filter(r -> r.volunteer().status() != VolunteerStatus.PENDING).toList());
		model.addAttribute("communities", regions.communities(me.scope()));
		model.addAttribute("communityId", communityId);
		model.addAttribute("year", shownYear);
		model.addAttribute("years", List.of(thisYear, thisYear - 1, thisYear - 2));
		return "engagement/volunteer-list";
	}

	@PostMapping("/engagement/volunteers/{id}/approve")
	@PreAuthorize(MANAGERS)
	String approve(@PathVariable long id, @RequestParam long version, @AuthenticationPrincipal StaffPrincipal me,
			RedirectAttributes redirect) {
		Volunteer volunteer = volunteers.approve(id, version, me);
		redirect.addFlashAttribute("notice", "volunteerApproved");
		redirect.addFlashAttribute("noticeArgs", new Object[] { volunteer.name() });
		return "redirect:/engagement/volunteers";
	}

	@PostMapping("/engagement/volunteers/{id}/reject")
	@PreAuthorize(MANAGERS)
	String reject(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) String reason,
			@AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
		Volunteer volunteer = volunteers.reject(id, version, reason, me);
		redirect.addFlashAttribute("notice", "volunteerRejected");
		redirect.addFlashAttribute("noticeArgs", new Object[] { volunteer.name() });
		return "redirect:/engagement/volunteers";
	}

	@GetMapping("/engagement/volunteers/activities")
	String activities(@AuthenticationPrincipal StaffPrincipal me, Model model) {
		VolunteerActivityForm form = new VolunteerActivityForm();
		form.setDate(today());
		return renderActivities(form, me, model);
	}

	private String renderActivities(VolunteerActivityForm form, StaffPrincipal me, Model model) {
		model.addAttribute("activities", activities.list(me));
		model.addAttribute("communities", regions.communities(me.scope()));
		model.addAttribute("form", form);
		return "engagement/volunteer-activities";
	}

	@PostMapping("/engagement/volunteers/activities")
	@PreAuthorize(MANAGERS)
	String createActivity(@ModelAttribute("form") VolunteerActivityForm form, BindingResult binding,
			@AuthenticationPrincipal StaffPrincipal me, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return submissions.submit(binding, model, response, () -> {
			if (form.getCommunityId() == null) {
				throw new InvalidRequestException("volunteer.activity.communityRequired");
			}
			VolunteerActivity activity = activities.create(form.getCommunityId(), form.getTitle(), form.getDate(),
					form.getHoursPerPerson(), me);
			redirect.addFlashAttribute("notice", "volunteerActivitySaved");
			return "redirect:/engagement/volunteers/activities/" + activity.id();
		}, () -> renderActivities(form, me, model));
	}

	@GetMapping("/engagement/volunteers/activities/{id}")
	String activity(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
		VolunteerActivity activity = activities.get(id, me);
		model.addAttribute("activity", activity);
		model.addAttribute("candidates", volunteers.approvedIn(activity.communityId()));
		model.addAttribute("attended", activities.attendees(id));
		model.addAttribute("held", !activity.date().isAfter(today()));
		return "engagement/volunteer-activity";
	}

	@PostMapping("/engagement/volunteers/activities/{id}/attendance")
	@PreAuthorize(MANAGERS)
	String attendance(@PathVariable long id, @RequestParam(name = "volunteerIds", required = false) List<Long> volunteerIds,
			@AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
		activities.recordAttendance(id, volunteerIds == null ? List.of() : volunteerIds, me);
		redirect.addFlashAttribute("notice", "volunteerAttendanceSaved");
		return "redirect:/engagement/volunteers/activities/" + id;
	}

}
