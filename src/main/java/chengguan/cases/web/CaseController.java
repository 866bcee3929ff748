package chengguan.cases.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import chengguan.cases.CaseAction;
import chengguan.cases.CaseCalls;
import chengguan.cases.CaseFilter;
import chengguan.cases.CaseInbox;
import chengguan.cases.CaseQueries;
import chengguan.cases.CaseRow;
import chengguan.cases.CaseService;
import chengguan.cases.CaseStep;
import chengguan.cases.CaseState;
import chengguan.cases.CaseView;
import chengguan.cases.RequestReason;
import chengguan.intake.Rating;
import chengguan.catalog.CategoryConditions;
import chengguan.catalog.CategoryService;
import chengguan.catalog.HandlingMode;
import chengguan.intake.Channel;
import chengguan.intake.ReportQueries;
import chengguan.organization.NoticeCardService;
import chengguan.organization.RegionService;
import chengguan.organization.RosterService;
import chengguan.organization.StaffView;
import chengguan.platform.PlatformProperties;
import chengguan.platform.history.HistoryCheck;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.storage.StoredFile;
import chengguan.platform.storage.UploadedFiles;
import chengguan.platform.web.MapSettings;

/** The work inbox, the case list, and one case with the steps the person may take on it (htmx, in place). */
@Controller
@RequestMapping("/cases")
class CaseController {

	private final CaseQueries queries;

	private final CaseService cases;

	private final ReportQueries reports;

	private final RegionService regions;

	private final CategoryService categories;

	private final RosterService roster;

	private final MapSettings maps;

	private final java.time.Clock clock;

	private final CaseCalls calls;

	private final PlatformProperties platform;

	private final NoticeCardService cards;

	private final HistoryCheck historyCheck;

	private final chengguan.cases.StageClocks stageClocks;

	private final CategoryConditions conditions;

	private final chengguan.cases.CaseTasks tasks;

	CaseController(CaseQueries queries, CaseService cases, ReportQueries reports, RegionService regions,
			CategoryService categories, RosterService roster, MapSettings maps, java.time.Clock clock, CaseCalls calls,
			PlatformProperties platform, NoticeCardService cards, HistoryCheck historyCheck,
			chengguan.cases.StageClocks stageClocks, CategoryConditions conditions,
			chengguan.cases.CaseTasks tasks) {
		this.tasks = tasks;
		this.stageClocks = stageClocks;
		this.conditions = conditions;
		this.cards = cards;
		this.historyCheck = historyCheck;
		this.calls = calls;
		this.platform = platform;
		this.queries = queries;
		this.cases = cases;
		this.reports = reports;
		this.regions = regions;
		this.categories = categories;
		this.roster = roster;
		this.maps = maps;
		this.clock = clock;
	}

	@GetMapping
	String list(@RequestParam(required = false) CaseInbox inbox, @RequestParam(required = false) CaseState state,
			@RequestParam(required = false) Channel channel, @RequestParam(required = false) Long regionId,
			@RequestParam(required = false) Long categoryId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = "HX-Request", required = false) String htmx,
			@AuthenticationPrincipal StaffPrincipal me, Model model) {
		if (regionId != null) {
			regions.get(regionId, me); // a region outside the scope is refused, not answered with an empty list
		}
		CaseFilter filter = new CaseFilter(inbox, state, channel == null ? null : channel.name(), regionId,
				categoryId, from, to, page);
		List<CaseRow> rows = queries.list(filter, me);
		boolean hasNext = rows.size() > CaseFilter.PAGE_SIZE;
		model.addAttribute("filter", filter);
		model.addAttribute("rows", hasNext ? rows.subList(0, CaseFilter.PAGE_SIZE) : rows);
		model.addAttribute("hasNext", hasNext);
		model.addAttribute("stageMarks", stageClocks.marks(rows.stream().map(CaseRow::id).toList()));
		model.addAttribute("counts", queries.counts(me));
		model.addAttribute("inboxes", CaseInbox.values());
		model.addAttribute("states", CaseState.values());
		model.addAttribute("channels", Channel.values());
		model.addAttribute("regions", regions.within(me.scope()));
		model.addAttribute("categories", categories.reportable());
		return htmx != null ? "cases/list :: results" : "cases/list";
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
		CaseView c = cases.get(id, me);
		model.addAttribute("report", reports.details(c.reportId(), me));
		model.addAttribute("maps", maps);
		return panel(c, me, model, "cases/case");
	}

	/** One step; answers with the refreshed panel, or (through the error handler) a message in #flash. */
	@PostMapping("/{id}/actions/{action}")
	String act(@PathVariable long id, @PathVariable CaseAction action, @RequestParam long version,
			@RequestParam(required = false) String note, @RequestParam(required = false) Long unitId,
			@RequestParam(required = false) Long staffId, @RequestParam(required = false) HandlingMode handlingMode,
			@RequestParam(name = "photos", required = false) List<MultipartFile> photos,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) java.time.LocalDateTime requestedDue,
			@RequestParam(required = false) RequestReason reason,
			@RequestHeader(name = "HX-Request", required = false) String htmx,
			@AuthenticationPrincipal StaffPrincipal me, Model model) {
		CaseStep step = new CaseStep(note, unitId, staffId, handlingMode, UploadedFiles.contents(photos),
				requestedDue == null ? null : requestedDue.atZone(platform.timeZone()).toInstant(), reason);
		CaseView c = cases.act(id, action, version, step, me);
		if (htmx == null) {
			return "redirect:/cases/" + id;
		}
		return panel(c, me, model, "cases/case :: panel");
	}

	/** 派发核实/核查 (issue 16): the dispatcher sends someone on site; the case itself does not move. */
	@PostMapping("/{id}/tasks")
	String sendTask(@PathVariable long id, @RequestParam(required = false) chengguan.cases.CaseTasks.Kind kind,
			@RequestParam(required = false) Long staffId, @RequestParam(required = false) String note,
			@RequestHeader(name = "HX-Request", required = false) String htmx,
			@AuthenticationPrincipal StaffPrincipal me, Model model) {
		cases.get(id, me);
		if (kind == null || staffId == null) {
			throw new chengguan.platform.web.InvalidRequestException("case.task.staffNotAvailable");
		}
		tasks.send(id, kind, staffId, note, me);
		return refreshed(id, htmx, me, model);
	}

	/** 记录核实/核查结果: photos and the browser's position, both optional. */
	@PostMapping("/{id}/tasks/{taskId}/result")
	String recordTask(@PathVariable long id, @PathVariable long taskId,
			@RequestParam(required = false) chengguan.cases.CaseTasks.Result result,
			@RequestParam(required = false) String note,
			@RequestParam(name = "photos", required = false) List<MultipartFile> photos,
			@RequestParam(required = false) Double latitude, @RequestParam(required = false) Double longitude,
			@RequestParam(required = false) Double accuracy,
			@RequestHeader(name = "HX-Request", required = false) String htmx,
			@AuthenticationPrincipal StaffPrincipal me, Model model) {
		tasks.record(id, taskId, new chengguan.cases.CaseTasks.Finding(result, note, UploadedFiles.contents(photos),
				latitude, longitude, accuracy), me);
		return refreshed(id, htmx, me, model);
	}

	/** 电话回访 recorded by staff: the rating decides between 销号 and 返工. */
	@PostMapping("/{id}/follow-up")
	String followUp(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) Rating rating,
			@RequestParam(required = false) String note, @RequestParam(required = false) String caller,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) java.time.LocalDateTime calledAt,
			@RequestHeader(name = "HX-Request", required = false) String htmx,
			@AuthenticationPrincipal StaffPrincipal me, Model model) {
		CaseView c = cases.recordFollowUp(id, version, rating, note, caller,
				calledAt == null ? null : calledAt.atZone(platform.timeZone()).toInstant(), me);
		if (htmx == null) {
			return "redirect:/cases/" + id;
		}
		return panel(c, me, model, "cases/case :: panel");
	}

	@PostMapping("/{id}/whistle")
	String whistle(@PathVariable long id, @RequestParam(name = "unitId", required = false) List<Long> unitIds,
			@RequestParam(required = false) String note, @RequestHeader(name = "HX-Request", required = false) String htmx,
			@AuthenticationPrincipal StaffPrincipal me, Model model) {
		calls.whistle(id, unitIds, note, me);
		return refreshed(id, htmx, me, model);
	}

	@PostMapping("/{id}/joint")
	String joint(@PathVariable long id, @RequestParam long unitId, @RequestParam(required = false) String part,
			@RequestHeader(name = "HX-Request", required = false) String htmx,
			@AuthenticationPrincipal StaffPrincipal me, Model model) {
		calls.addJointUnit(id, unitId, part, me);
		return refreshed(id, htmx, me, model);
	}

	@PostMapping("/{id}/supervision")
	String supervise(@PathVariable long id, @RequestParam(required = false) String order,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) java.time.LocalDateTime due,
			@RequestHeader(name = "HX-Request", required = false) String htmx,
			@AuthenticationPrincipal StaffPrincipal me, Model model) {
		calls.supervise(id, order, due.atZone(platform.timeZone()).toInstant(), me);
		return refreshed(id, htmx, me, model);
	}

	@PostMapping("/{id}/calls/{callId}/report-in")
	String reportIn(@PathVariable long id, @PathVariable long callId,
			@RequestHeader(name = "HX-Request", required = false) String htmx,
			@AuthenticationPrincipal StaffPrincipal me, Model model) {
		calls.reportIn(callId, me);
		return refreshed(id, htmx, me, model);
	}

	@PostMapping("/{id}/calls/{callId}/answer")
	String answer(@PathVariable long id, @PathVariable long callId, @RequestParam(required = false) String answer,
			@RequestHeader(name = "HX-Request", required = false) String htmx,
			@AuthenticationPrincipal StaffPrincipal me, Model model) {
		calls.answer(callId, answer, me);
		return refreshed(id, htmx, me, model);
	}

	@GetMapping("/{id}/photos/{fileId}")
	ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable String fileId,
			@AuthenticationPrincipal StaffPrincipal me) {
		StoredFile file = cases.photo(id, fileId, me);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.cacheControl(CacheControl.noStore())
			.body(file.content());
	}


	private String refreshed(long id, String htmx, StaffPrincipal me, Model model) {
		if (htmx == null) {
			return "redirect:/cases/" + id;
		}
		return panel(cases.get(id, me), me, model, "cases/case :: panel");
	}

	private String panel(CaseView c, StaffPrincipal me, Model model, String view) {
		Set<CaseAction> offered = cases.offeredTo(c, me);
		// the two 电话回访 outcomes are one form with a rating
		boolean followUp = offered.remove(CaseAction.FOLLOW_UP_SATISFIED) | offered.remove(CaseAction.FOLLOW_UP_DISSATISFIED);
		model.addAttribute("followUpOffered", followUp);
		model.addAttribute("ratings", Rating.values());
		model.addAttribute("requests", cases.requests(c.id(), me));
		model.addAttribute("followUps", cases.followUps(c.id(), me));
		model.addAttribute("suspensionReasons", RequestReason.SUSPENSION);
		model.addAttribute("exclusionReasons", RequestReason.EXCLUSION);
		model.addAttribute("conditions", conditions.of(c.categoryId()));
		model.addAttribute("tasks", tasks.tasks(c.id(), me));
		model.addAttribute("taskCandidates", me.hasAnyRole(chengguan.platform.security.Role.DISPATCHER,
				chengguan.platform.security.Role.ADMIN) ? tasks.candidates(c.id(), me) : List.of());
		model.addAttribute("myStaffId", me.staffId());
		model.addAttribute("kase", c);
		model.addAttribute("timeStatus", c.timeStatus(clock.instant()));
		model.addAttribute("actions", offered);
		model.addAttribute("history", cases.history(c.id(), me));
		// what the last history check said about this case: never call a history unaltered that failed it
		model.addAttribute("historyDoubt", historyCheck.flagged("case", Long.toString(c.id())).orElse(null));
		model.addAttribute("units", roster.visibleUnits(me.scope()));
		model.addAttribute("modes", HandlingMode.values());
		model.addAttribute("calls", calls.calls(c.id(), me));
		model.addAttribute("now", clock.instant());
		List<chengguan.cases.StageClock> clocks = stageClocks.of(c.id(), c.regionPath());
		model.addAttribute("stageClocks", clocks);
		model.addAttribute("countdown", stageClocks.countdown(c, clocks, clock.instant()));
		model.addAttribute("open", !c.state().isTerminal() && c.state() != CaseState.CLOSED);
		model.addAttribute("myUnit", me.unitId());
		model.addAttribute("admin", me.hasRole(chengguan.platform.security.Role.ADMIN));
		model.addAttribute("assignee", c.assigneeUnitId() == null ? null
				: roster.findUnit(c.assigneeUnitId()).map(chengguan.organization.UnitView::name).orElse("")
						+ (c.assigneeStaffId() == null ? ""
								: " " + roster.findStaff(c.assigneeStaffId()).map(StaffView::name).orElse("")));
		model.addAttribute("liaisons", regions.find(c.communityId())
			.flatMap(community -> cards.forCommunity(community.code()))
			.map(card -> card.people().stream().filter(person -> "LIAISON".equals(person.role())).toList())
			.orElse(List.of()));
		return view;
	}

}
