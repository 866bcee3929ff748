package chengguan.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import chengguan.account.StaffContacts;
import chengguan.calendar.Deadline;
import chengguan.calendar.TimeLimit;
import chengguan.catalog.CategoryCache;
import chengguan.catalog.CategoryService;
import chengguan.catalog.CategoryView;
import chengguan.catalog.HandlingMode;
import chengguan.intake.IntakeService;
import chengguan.intake.Rating;
import chengguan.intake.ReportEventType;
import chengguan.intake.ReportMerged;
import chengguan.intake.ReportRated;
import chengguan.intake.ReportReceived;
import chengguan.intake.ReportStatus;
import chengguan.organization.RosterService;
import chengguan.organization.StaffView;
import chengguan.organization.UnitKind;
import chengguan.organization.UnitView;
import chengguan.platform.notification.Notifications;
import chengguan.platform.security.Role;
import chengguan.platform.security.ScopeGuard;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.storage.FileStorage;
import chengguan.platform.storage.ImageNormalizer;
import chengguan.platform.storage.StoredFile;
import chengguan.platform.web.ConflictException;
import chengguan.platform.web.InvalidRequestException;
import chengguan.platform.web.NotFoundException;
import chengguan.platform.web.DisplayTime;
import chengguan.platform.web.UserFacingException;

import static chengguan.platform.persistence.DbTime.instant;
import static chengguan.platform.persistence.DbTime.utc;

/**
 * Moves cases through {@link CaseAction}. Each step checks scope, role and state, changes the case only if nobody
 * changed it since the person looked (optimistic locking: of two people acting at once exactly one wins), appends
 * to the hash-chained history, updates what the reporter sees and queues the reporter's notification, all in one
 * transaction.
 */
@Service
public class CaseService {

	static final String RESIDENT = "居民回访";

	private static final int MAX_NOTE = 1000;

	private static final int MAX_PHOTOS = 6;

	private static final String COLUMNS = """
			id, report_id, tracking_code, channel, state, handling_mode, category_id, community_id, region_path,
			assignee_unit_id, assignee_staff_id, merged_into_id, accept_due_at, handle_started_at, handle_due_at, overdue_at, escalation_level,
			rework_count, created_at, closed_at, version, accept_warn_at, handle_warn_at, return_count, excluded_as""";

	/** After this many 退回 a case goes to 督查 (督办 list, SMS). */
	static final int RETURNS_FOR_SUPERVISION = 3;

	private final JdbcClient jdbc;

	private final CaseHistory history;

	private final CategoryService categories;

	private final IntakeService intake;

	private final Notifications notifications;

	private final DueTimes dueTimes;

	private final ScopeGuard scopeGuard;

	private final MessageSource messages;

	private final Clock clock;

	private final RosterService roster;

	private final ImageNormalizer images;

	private final FileStorage files;

	private final CategoryCache categoryCache;

	private final StageClocks stageClocks;

	private final CaseRequests requests;

	private final StaffContacts contacts;

	private final DisplayTime displayTime;

	CaseService(JdbcClient jdbc, CaseHistory history, CategoryService categories, IntakeService intake,
			Notifications notifications, DueTimes dueTimes, ScopeGuard scopeGuard, MessageSource messages,
			Clock clock, RosterService roster, ImageNormalizer images, FileStorage files, CategoryCache categoryCache,
			StageClocks stageClocks, CaseRequests requests, StaffContacts contacts, DisplayTime displayTime) {
		this.categoryCache = categoryCache;
		this.stageClocks = stageClocks;
		this.requests = requests;
		this.contacts = contacts;
		this.displayTime = displayTime;
		this.roster = roster;
		this.images = images;
		this.files = files;
		this.jdbc = jdbc;
		this.history = history;
		this.categories = categories;
		this.intake = intake;
		this.notifications = notifications;
		this.dueTimes = dueTimes;
		this.scopeGuard = scopeGuard;
		this.messages = messages;
		this.clock = clock;
	}

	// ---- what intake tells us

	/** Every report opens a case 待受理, in the same transaction that stores the report. */
	@EventListener
	void open(ReportReceived received) {
		CategoryView category = received.categoryId() == null ? null
				: categoryCache.find(received.categoryId()).orElse(null);
		Instant now = clock.instant();
		TimeLimit acceptLimit = category == null || category.acceptMinutes() == null ? null
				: DueTimes.limit(category.acceptMinutes(), category.limitBasis());
		Deadline accept = acceptLimit == null ? null
				: dueTimes.deadline(received.receivedAt(), acceptLimit, received.regionPath());
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO case_file (report_id, tracking_code, channel, state, handling_mode, category_id,
				    community_id, region_path, accept_due_at, accept_warn_at, created_at)
				VALUES (?, ?, ?, 'PENDING', ?, ?, ?, ?, ?, ?, ?)""")
			.params(received.reportId(), received.trackingCode(), received.channel().name(),
					category == null || category.handlingMode() == null ? null : category.handlingMode().name(),
					received.categoryId(), received.communityId(), received.regionPath(),
					utc(accept == null ? null : accept.dueAt()), utc(accept == null ? null : accept.warnAt()),
					utc(received.receivedAt()))
			.update(keys, "id");
		long caseId = keys.getKeyAs(Number.class).longValue();
		if (accept != null) {
			stageClocks.record(caseId, CaseStage.ACCEPT, received.receivedAt(), acceptLimit, accept);
		}
		history.appendFirst(caseId, now, "系统", "OPENED", CaseState.PENDING,
				"来源：" + label("report.channel." + received.channel()));
	}

	/** A merged report's case is handled as part of the primary's case. */
	@EventListener
	void merged(ReportMerged merged) {
		CaseView duplicate = caseOfReport(merged.duplicateReportId()).orElseThrow();
		CaseView primary = caseOfReport(merged.primaryReportId()).orElseThrow();
		if (CaseAction.MERGE.allowedFrom(duplicate.state())) {
			transition(duplicate, CaseAction.MERGE, duplicate.version(), "并入案件 " + primary.trackingCode(), null,
					primary.id(), merged.mergedBy());
		}
		// cases merged into the duplicate earlier follow it to the primary, as their reports do
		jdbc.sql("UPDATE case_file SET merged_into_id = ? WHERE merged_into_id = ?").params(primary.id(), duplicate.id())
			.update();
	}

	/** The reporter's 回访评价: satisfied closes the case for good (销号), not satisfied sends it back (返工). */
	@EventListener
	void rated(ReportRated rated) {
		CaseView ofReport = caseOfReport(rated.reportId()).orElseThrow();
		CaseView target = ofReport.mergedIntoId() == null ? ofReport : load(ofReport.mergedIntoId());
		if (target.state() != CaseState.CLOSED) {
			return; // another reporter of the same merged problem rated first
		}
		String label = messages.getMessage("report.rating." + rated.rating(), null, LocaleContextHolder.getLocale());
		if (rated.rating() == Rating.DISSATISFIED) {
			String note = "居民评价：" + label + (rated.comment() == null ? "" : "，" + rated.comment());
			transition(target, CaseAction.REOPEN, target.version(), note, null, null, RESIDENT);
		}
		else {
			transition(target, CaseAction.ARCHIVE, target.version(), "居民评价：" + label, null, null, RESIDENT);
		}
	}

	// ---- what staff do

	/**
	 * Takes one step on a case.
	 * @param seenVersion the version the person saw; if the case moved on since, nothing happens and they are told
	 * @param assigneeUnitId for a dispatch: the department, squadron or workstation that will handle it
	 */
	@Transactional
	public CaseView act(long caseId, CaseAction action, long seenVersion, String note, Long assigneeUnitId,
			StaffPrincipal who) {
		return act(caseId, action, seenVersion, new CaseStep(note, assigneeUnitId, null, List.of()), who);
	}

	/** Takes one step with everything the person added: note, unit, handling mode, photos. */
	@Transactional
	public CaseView act(long caseId, CaseAction action, long seenVersion, CaseStep step, StaffPrincipal who) {
		if (action == CaseAction.FOLLOW_UP_SATISFIED || action == CaseAction.FOLLOW_UP_DISSATISFIED) {
			// a phone rating is recorded with who called and when, through recordFollowUp only
			throw new InvalidRequestException("case.followUp.useForm");
		}
		CaseView current = get(caseId, who);
		if (!action.mayBeTakenBy(who.roles()) || !offered(action, current)) {
			throw new UserFacingException(HttpStatus.FORBIDDEN, "case.action.notForRole", label("case.action." + action));
		}
		boolean coordinator = who.hasAnyRole(Role.DISPATCHER, Role.ADMIN);
		if (action.byAssignee() && !coordinator && (current.assigneeUnitId() == null
				|| !current.assigneeUnitId().equals(who.unitId()))) {
			throw new UserFacingException(HttpStatus.FORBIDDEN, "case.action.notYourUnit");
		}
		if (step.unitId() != null) {
			UnitView unit = roster.findUnit(step.unitId()).orElseThrow(() -> new InvalidRequestException("case.dispatch.unitRequired"));
			if (!availableTo(unit, who)) {
				throw new InvalidRequestException("case.dispatch.unitNotAvailable");
			}
		}
		if (step.photos().size() > MAX_PHOTOS) {
			throw new InvalidRequestException("report.photos.tooMany", MAX_PHOTOS);
		}
		List<String> photoIds = step.photos()
			.stream()
			.map(images::normalize)
			.map(jpeg -> files.store(jpeg, ImageNormalizer.OUTPUT_TYPE))
			.toList();
		Long unitId = step.unitId();
		if (step.staffId() != null) {
			// a dispatch to a liaison goes to their unit (squadron), with them named as the one who handles it
			unitId = roster.findStaff(step.staffId())
				.filter(staff -> staff.active())
				.map(StaffView::unitId)
				.orElseThrow(() -> new InvalidRequestException("case.dispatch.unitRequired"));
		}
		return transition(current, action, seenVersion, step.note(), unitId, step.staffId(), step.handlingMode(), null,
				who.username(), photoIds, step.requestedDue(), step.reason(), null);
	}

	/**
	 * 电话回访: staff record what the reporter said on the phone. 满意/基本满意 closes the case for good (销号),
	 * 不满意 sends it back to handling (返工); either way the call is recorded with who called and when.
	 * @param caller who made the call (the person recording it when blank)
	 * @param calledAt when the call was made (now when null); not in the future
	 */
	@Transactional
	public CaseView recordFollowUp(long caseId, long seenVersion, Rating rating, String note, String caller,
			Instant calledAt, StaffPrincipal who) {
		if (rating == null) {
			throw new InvalidRequestException("case.followUp.ratingRequired");
		}
		CaseAction action = rating == Rating.DISSATISFIED ? CaseAction.FOLLOW_UP_DISSATISFIED
				: CaseAction.FOLLOW_UP_SATISFIED;
		CaseView current = get(caseId, who);
		if (!action.mayBeTakenBy(who.roles())) {
			throw new UserFacingException(HttpStatus.FORBIDDEN, "case.action.notForRole", label("case.action." + action));
		}
		Instant now = clock.instant();
		Instant when = calledAt == null ? now : calledAt;
		if (when.isAfter(now)) {
			throw new InvalidRequestException("case.followUp.inFuture");
		}
		String callerName = caller == null || caller.isBlank() ? who.username() : caller.strip();
		if (callerName.length() > 64) {
			throw new InvalidRequestException("case.followUp.callerTooLong");
		}
		FollowUp call = new FollowUp(rating, callerName, when);
		return transition(current, action, seenVersion, note, null, null, null, null, who.username(), List.of(), null,
				null, call);
	}

	/** A staff 电话回访 as it is recorded with the step. */
	private record FollowUp(Rating rating, String caller, Instant calledAt) {
	}

	/**
	 * The 回访 period ran out without a rating: the case ends as 未评价 (the follow-up job, on one node).
	 * @return whether it ended now (false when someone rated or acted on it meanwhile)
	 */
	@Transactional
	public boolean expireUnrated(long caseId, Duration period) {
		CaseView current = load(caseId);
		if (current.state() != CaseState.CLOSED) {
			return false;
		}
		transition(current, CaseAction.EXPIRE_UNRATED, current.version(),
				"结案后 " + period.toDays() + " 天内未回访评价，以未评价结束（不计入满意）", null, null, "系统");
		return true;
	}

	private CaseView transition(CaseView current, CaseAction action, long seenVersion, String note, Long unitId,
			Long mergedInto, String actor) {
		return transition(current, action, seenVersion, note, unitId, null, null, mergedInto, actor, List.of(), null,
				null, null);
	}

	private CaseView transition(CaseView current, CaseAction action, long seenVersion, String note, Long unitId,
			Long staffId, HandlingMode mode, Long mergedInto, String actor, List<String> photoIds,
			Instant requestedDue, RequestReason reason, FollowUp followUp) {
		if (current.version() != seenVersion) {
			throw new ConflictException("case.takenByOther");
		}
		if (!action.allowedFrom(current.state())) {
			throw new ConflictException("case.action.notFromState", label("case.state." + current.state()),
					label("case.action." + action));
		}
		String cleanNote = note == null || note.isBlank() ? null : note.strip();
		if (action.noteRequired() && cleanNote == null) {
			throw new InvalidRequestException("case.action.noteRequired", label("case.action." + action));
		}
		if (cleanNote != null && cleanNote.length() > MAX_NOTE) {
			throw new InvalidRequestException("case.note.tooLong", MAX_NOTE);
		}
		boolean assigns = action == CaseAction.DISPATCH || action == CaseAction.REASSIGN;
		if (assigns) {
			requireSuitableUnit(current, unitId);
		}
		if (action == CaseAction.FEEDBACK_DONE) {
			int openParts = jdbc.sql("SELECT COUNT(*) FROM case_call WHERE case_id = ? AND kind = 'JOINT' AND answered_at IS NULL")
				.param(current.id())
				.query(Integer.class)
				.single();
			if (openParts > 0) {
				throw new ConflictException("case.joint.partsOpen", openParts);
			}
		}
		Instant now = clock.instant();
		CaseState target = action.targetFrom(current.state());
		CaseRequests.Pending pending = checkRequest(current, action, actor, requestedDue, reason, now);
		boolean rework = action == CaseAction.VERIFY_FAIL || action == CaseAction.REOPEN
				|| action == CaseAction.FOLLOW_UP_DISSATISFIED;
		// a new time limit starts when the case is registered (handling) and again with every rework
		boolean newLimit = action == CaseAction.REGISTER || rework;
		TimeLimit handleLimit = newLimit ? handleLimit(current) : null;
		Deadline newHandle = handleLimit == null ? null : dueTimes.deadline(now, handleLimit, current.regionPath());
		Instant handleDue = newLimit ? (newHandle == null ? null : newHandle.dueAt()) : current.handleDueAt();
		Instant handleWarn = newLimit ? (newHandle == null ? null : newHandle.warnAt()) : current.handleWarnAt();
		Instant handleStarted = newLimit ? now : current.handleStartedAt();
		boolean limitChanges = newLimit || (current.inAcceptPhase() && !target.equals(CaseState.ACCEPTED));
		String recordedNote = null;
		CaseRequests.Suspension suspension = null;
		if (action == CaseAction.APPROVE_EXTENSION) {
			handleDue = dueTimes.extended(pending.requestedDueAt());
			handleWarn = warningAtFourFifths(handleStarted, handleDue);
			limitChanges = true;
		}
		else if (action == CaseAction.RESUME) {
			suspension = requests.openSuspension(current.id())
				.orElseThrow(() -> new ConflictException("case.resume.notSuspended"));
			// the clock stood still while the case waited: the deadline (and the start the 80 % warning counts
			// from) move by exactly that long
			Duration paused = Duration.between(suspension.startedAt(), now);
			handleDue = dueTimes.resumed(current.handleDueAt(), paused);
			handleWarn = dueTimes.resumed(current.handleWarnAt(), paused);
			handleStarted = current.handleStartedAt() == null ? null : current.handleStartedAt().plus(paused);
			recordedNote = "恢复处置：挂起 " + duration(paused)
					+ (handleDue == null ? "" : "，处置时限顺延至 " + displayTime.format(handleDue));
		}
		Instant closedAt = target == current.state() || action == CaseAction.EXPIRE_UNRATED ? current.closedAt()
				: target == CaseState.CLOSED || target.isTerminal() ? now : null;
		int changed = jdbc.sql("""
				UPDATE case_file SET state = ?, version = version + 1, handling_mode = COALESCE(?, handling_mode),
				    assignee_unit_id = COALESCE(?, assignee_unit_id),
				    assignee_staff_id = CASE WHEN ? THEN ? ELSE assignee_staff_id END,
				    merged_into_id = COALESCE(?, merged_into_id),
				    handle_started_at = ?, handle_due_at = ?, handle_warn_at = ?, overdue_at = ?,
				    rework_count = rework_count + ?,
				    closed_at = ?, return_count = return_count + ?, excluded_as = COALESCE(?, excluded_as),
				    follow_up_reminded_at = CASE WHEN ? THEN NULL ELSE follow_up_reminded_at END
				WHERE id = ? AND version = ? AND state = ?""")
			.params(target.name(), action == CaseAction.REGISTER && mode != null ? mode.name() : null,
					assigns ? unitId : null, assigns, staffId, mergedInto, utc(handleStarted), utc(handleDue),
					utc(handleWarn), limitChanges ? null : utc(current.overdueAt()), rework ? 1 : 0, utc(closedAt),
					action == CaseAction.RETURN ? 1 : 0,
					action == CaseAction.APPROVE_EXCLUSION ? pending.reason().name() : null,
					target == CaseState.CLOSED && current.state() != CaseState.CLOSED, current.id(), seenVersion,
					current.state().name())
			.update();
		if (changed != 1) {
			throw new ConflictException("case.takenByOther");
		}
		String assignee = !assigns ? null : roster.findUnit(unitId).map(UnitView::name).orElse("")
				+ (staffId == null ? "" : " " + roster.findStaff(staffId).map(StaffView::name).orElse(""));
		String recorded = assigns ? "承办：" + assignee + (cleanNote == null ? "" : "；" + cleanNote)
				: recordedNote != null ? recordedNote + (cleanNote == null ? "" : "；" + cleanNote)
				: requestNote(current, action, pending, cleanNote, requestedDue, reason, handleDue, actor, now);
		if (followUp != null) {
			jdbc.sql("""
					INSERT INTO case_follow_up (case_id, rating, note, called_by, called_at, recorded_by, recorded_at)
					VALUES (?, ?, ?, ?, ?, ?, ?)""")
				.params(current.id(), followUp.rating().name(), cleanNote, followUp.caller(), utc(followUp.calledAt()),
						actor, utc(now))
				.update();
			recorded = "电话回访（回访人 " + followUp.caller() + "，" + displayTime.format(followUp.calledAt()) + "）："
					+ label("report.rating." + followUp.rating()) + (cleanNote == null ? "" : "，" + cleanNote);
		}
		if (suspension != null) {
			requests.endSuspension(suspension.id(), now, actor, current.handleDueAt(), handleDue);
		}
		history.append(current.id(), now, actor, action.name(), current.state(), target, recorded, photoIds);
		moveClocks(current, action, now, handleLimit, newHandle);
		tellTheReporter(current, action, cleanNote, actor);
		if (action == CaseAction.RETURN && current.returnCount() + 1 >= RETURNS_FOR_SUPERVISION) {
			String text = "【城管进社区】案件 " + current.trackingCode() + " 已被退回 " + (current.returnCount() + 1)
					+ " 次，已列入督办，请督查。最近一次退回原因：" + cleanNote;
			contacts.phonesWithRole(Role.INSPECTOR, current.regionPath())
				.forEach(phone -> notifications.enqueue(Notifications.SMS, phone, text));
		}
		return load(current.id());
	}

	/**
	 * Checks a request or a decision against the pending requests: at most one open request of a kind; a
	 * decision needs one, and the person who asked may not decide it.
	 * @return the request a decision decides (null for other steps)
	 */
	private CaseRequests.Pending checkRequest(CaseView current, CaseAction action, String actor, Instant requestedDue,
			RequestReason reason, Instant now) {
		RequestKind kind = action.requestKind();
		if (kind == null) {
			return null;
		}
		Optional<CaseRequests.Pending> pending = requests.pending(current.id(), kind);
		String kindName = label("case.request." + kind);
		if (action.isRequest()) {
			if (pending.isPresent()) {
				throw new ConflictException("case.request.alreadyPending", kindName);
			}
			switch (kind) {
				case EXTENSION -> {
					if (requestedDue == null) {
						throw new InvalidRequestException("case.extension.dueRequired");
					}
					if (!requestedDue.isAfter(now)
							|| (current.handleDueAt() != null && !requestedDue.isAfter(current.handleDueAt()))) {
						throw new InvalidRequestException("case.extension.dueNotLater");
					}
				}
				case SUSPENSION -> {
					if (reason == null || !RequestReason.SUSPENSION.contains(reason)) {
						throw new InvalidRequestException("case.suspension.reasonRequired");
					}
				}
				case EXCLUSION -> {
					if (reason == null || !RequestReason.EXCLUSION.contains(reason)) {
						throw new InvalidRequestException("case.exclusion.reasonRequired");
					}
					if (current.excludedAs() != null) {
						throw new ConflictException("case.exclusion.already");
					}
				}
			}
			return null;
		}
		CaseRequests.Pending open = pending
			.orElseThrow(() -> new ConflictException("case.request.nonePending", kindName));
		if (open.requestedBy().equals(actor)) {
			throw new UserFacingException(HttpStatus.FORBIDDEN, "case.request.ownRequest");
		}
		return open;
	}

	/** Writes or decides the request row of a request step, and says in the history what was asked or decided. */
	private String requestNote(CaseView current, CaseAction action, CaseRequests.Pending pending, String note,
			Instant requestedDue, RequestReason reason, Instant grantedDue, String actor, Instant now) {
		if (action.requestKind() == null) {
			return note;
		}
		if (action.isRequest()) {
			requests.open(current.id(), action.requestKind(), reason, note, requestedDue, actor, now);
			return switch (action.requestKind()) {
				case EXTENSION -> "申请延期至 " + displayTime.format(requestedDue) + "，理由：" + note;
				case SUSPENSION -> "申请挂起（" + label("case.reason." + reason) + "）：" + note;
				case EXCLUSION -> "申请认定为" + label("case.reason." + reason) + "：" + note;
			};
		}
		boolean approved = action == CaseAction.APPROVE_EXTENSION || action == CaseAction.APPROVE_SUSPENSION
				|| action == CaseAction.APPROVE_EXCLUSION;
		Instant granted = action == CaseAction.APPROVE_EXTENSION ? grantedDue : null;
		requests.decide(pending.id(), actor, now, approved, note, granted);
		if (action == CaseAction.APPROVE_SUSPENSION) {
			requests.startSuspension(current.id(), pending.id(), pending.reason(), now);
		}
		String tail = (note == null ? "" : "；" + note) + "（申请人 " + pending.requestedBy() + "，审批人 " + actor + "）";
		return switch (action) {
			case APPROVE_EXTENSION -> "批准延期，处置时限改为 " + displayTime.format(granted)
					+ (current.handleDueAt() == null ? "" : "（原 " + displayTime.format(current.handleDueAt()) + "）")
					+ "，本案不计入按期办结" + tail;
			case REFUSE_EXTENSION -> "驳回延期申请" + tail;
			case APPROVE_SUSPENSION -> "批准挂起（" + label("case.reason." + pending.reason()) + "），计时暂停" + tail;
			case REFUSE_SUSPENSION -> "驳回挂起申请" + tail;
			case APPROVE_EXCLUSION -> "认定为" + label("case.reason." + pending.reason()) + "，不计入满意率" + tail;
			case REFUSE_EXCLUSION -> "驳回" + label("case.reason." + pending.reason()) + "认定" + tail;
			default -> note;
		};
	}

	private static String duration(Duration span) {
		long days = span.toDays();
		long hours = span.toHoursPart();
		long minutes = span.toMinutesPart();
		return days > 0 ? days + " 天 " + hours + " 小时" : hours > 0 ? hours + " 小时 " + minutes + " 分"
				: minutes + " 分";
	}

	/**
	 * Steps staff may pick: never merging or a rating's rework (those follow from intake), and 销号 only for cases
	 * nobody rates — those that did not come from a resident's own report.
	 */
	public static boolean offered(CaseAction action, CaseView c) {
		if (!action.isOffered()) {
			return false;
		}
		if (action.requestKind() == RequestKind.EXCLUSION) {
			return c.excludedAs() == null;
		}
		return action != CaseAction.ARCHIVE || !(c.channel().equals("QR_CODE") || c.channel().equals("API"));
	}

	/**
	 * The steps this person may take on this case now: those the table allows from its state for their roles, a
	 * request only while none of its kind is pending, a decision only while one is and not on their own request.
	 */
	@Transactional(readOnly = true)
	public java.util.Set<CaseAction> offeredTo(CaseView c, StaffPrincipal who) {
		java.util.Map<RequestKind, CaseRequests.Pending> pending = requests.pendingOf(c.id());
		java.util.Set<CaseAction> offered = java.util.EnumSet.noneOf(CaseAction.class);
		for (CaseAction action : CaseAction.availableFrom(c.state())) {
			if (!offered(action, c) || !action.mayBeTakenBy(who.roles())) {
				continue;
			}
			RequestKind kind = action.requestKind();
			if (kind != null) {
				CaseRequests.Pending open = pending.get(kind);
				if (action.isRequest() ? open != null : open == null || open.requestedBy().equals(who.username())) {
					continue;
				}
			}
			offered.add(action);
		}
		return offered;
	}

	/** The requests made on this case, oldest first, with their decisions. */
	@Transactional(readOnly = true)
	public List<CaseRequests.Request> requests(long caseId, StaffPrincipal who) {
		get(caseId, who);
		return requests.all(caseId);
	}

	/** The staff 电话回访 recorded on this case. */
	@Transactional(readOnly = true)
	public List<FollowUpCall> followUps(long caseId, StaffPrincipal who) {
		get(caseId, who);
		return jdbc.sql("""
				SELECT rating, note, called_by, called_at, recorded_by FROM case_follow_up WHERE case_id = ? ORDER BY id""")
			.param(caseId)
			.query((rs, n) -> new FollowUpCall(Rating.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
					instant(rs, 4), rs.getString(5)))
			.list();
	}

	/** One staff 电话回访. */
	public record FollowUpCall(Rating rating, String note, String calledBy, Instant calledAt, String recordedBy) {
	}

	/**
	 * Whether a unit may be given work by this person: active, and inside their scope or above it (district
	 * departments and partners serve every street below them).
	 */
	static boolean availableTo(UnitView unit, StaffPrincipal who) {
		return unit.active() && (who.scope().covers(unit.regionPath())
				|| who.scope().homeRegionPath().startsWith(unit.regionPath()));
	}

	/** A dispatch needs a unit; a case for 执法处置 goes to an enforcement squadron (中队). */
	private void requireSuitableUnit(CaseView current, Long unitId) {
		if (unitId == null) {
			throw new InvalidRequestException("case.dispatch.unitRequired");
		}
		UnitView unit = roster.findUnit(unitId).orElseThrow(() -> new InvalidRequestException("case.dispatch.unitRequired"));
		if (HandlingMode.ENFORCEMENT.name().equals(current.handlingMode()) && unit.kind() != UnitKind.SQUADRON) {
			throw new InvalidRequestException("case.dispatch.enforcementNeedsSquadron");
		}
	}

	private TimeLimit handleLimit(CaseView current) {
		if (current.categoryId() == null) {
			return null;
		}
		return categories.find(current.categoryId())
			.filter(category -> category.handleMinutes() != null)
			.map(category -> DueTimes.limit(category.handleMinutes(), category.limitBasis()))
			.orElse(null);
	}

	/**
	 * Each step ends the stage it completes and starts the next one's clock: 受理 → 立案 → 派遣 (again after a 退回) and
	 * 处置 (again after a rework) → 核查 → 回访; a case that ends stops them all.
	 */
	private void moveClocks(CaseView c, CaseAction action, Instant now, TimeLimit handleLimit, Deadline handle) {
		long id = c.id();
		String region = c.regionPath();
		switch (action) {
			case ACCEPT -> {
				stageClocks.end(id, now, CaseStage.ACCEPT);
				stageClocks.start(id, CaseStage.REGISTER, now, stageClocks.configuredLimit(CaseStage.REGISTER), region);
			}
			case REGISTER -> {
				stageClocks.end(id, now, CaseStage.ACCEPT, CaseStage.REGISTER);
				stageClocks.start(id, CaseStage.DISPATCH, now, stageClocks.configuredLimit(CaseStage.DISPATCH), region);
				startHandling(id, now, handleLimit, handle);
			}
			case DISPATCH -> stageClocks.end(id, now, CaseStage.DISPATCH);
			case RETURN ->
				stageClocks.start(id, CaseStage.DISPATCH, now, stageClocks.configuredLimit(CaseStage.DISPATCH), region);
			case FEEDBACK_DONE -> {
				stageClocks.end(id, now, CaseStage.HANDLE);
				stageClocks.start(id, CaseStage.VERIFY, now, stageClocks.configuredLimit(CaseStage.VERIFY), region);
			}
			case VERIFY_PASS -> {
				stageClocks.end(id, now, CaseStage.VERIFY);
				stageClocks.start(id, CaseStage.VISIT, now, stageClocks.configuredLimit(CaseStage.VISIT), region);
			}
			case VERIFY_FAIL -> {
				stageClocks.end(id, now, CaseStage.VERIFY);
				startHandling(id, now, handleLimit, handle);
			}
			case RESOLVE_ON_SPOT -> {
				stageClocks.end(id, now);
				stageClocks.start(id, CaseStage.VISIT, now, stageClocks.configuredLimit(CaseStage.VISIT), region);
			}
			case REOPEN -> {
				stageClocks.end(id, now, CaseStage.VISIT);
				startHandling(id, now, handleLimit, handle);
			}
			case ARCHIVE, DECLINE, MERGE -> stageClocks.end(id, now);
			default -> {
				// 改派 and 签收 keep the running clocks
			}
		}
	}

	private void startHandling(long caseId, Instant now, TimeLimit limit, Deadline deadline) {
		stageClocks.end(caseId, now, CaseStage.HANDLE);
		if (deadline != null) {
			stageClocks.record(caseId, CaseStage.HANDLE, now, limit, deadline);
		}
	}

	/** What the reporter sees on the status page, and the SMS they get, for the steps that concern them. */
	private void tellTheReporter(CaseView c, CaseAction action, String note, String actor) {
		String code = c.trackingCode();
		switch (action) {
			case ACCEPT -> {
				intake.recordProgress(c.reportId(), ReportEventType.ACCEPTED, ReportStatus.IN_PROGRESS, null, actor);
				notifyReporters(c, "【城管进社区】您反映的问题（查询码 " + code + "）已受理，我们会尽快处理。");
			}
			case DECLINE -> {
				intake.recordProgress(c.reportId(), ReportEventType.DECLINED, ReportStatus.DECLINED, note, actor);
				notifyReporters(c, "【城管进社区】您反映的问题（查询码 " + code + "）经核实不予立案，原因：" + note
						+ "。如有疑问，请拨打社区公示牌上的电话。");
			}
			case DISPATCH -> {
				intake.recordProgress(c.reportId(), ReportEventType.DISPATCHED, ReportStatus.IN_PROGRESS, null, actor);
				notifyReporters(c, "【城管进社区】您反映的问题（查询码 " + code + "）已派给负责部门处理。");
			}
			case FEEDBACK_DONE ->
				intake.recordProgress(c.reportId(), ReportEventType.HANDLED, ReportStatus.IN_PROGRESS, null, actor);
			case VERIFY_PASS, RESOLVE_ON_SPOT -> {
				String result = action == CaseAction.RESOLVE_ON_SPOT ? note : lastFeedback(c.id());
				intake.recordProgress(c.reportId(), ReportEventType.CLOSED, ReportStatus.CLOSED,
						result == null ? null : "处理结果：" + result, actor);
				notifyReporters(c, "【城管进社区】您反映的问题（查询码 " + code + "）已办结。欢迎凭查询码在扫码页面查看结果并评价。");
			}
			case REOPEN -> {
				intake.recordProgress(c.reportId(), ReportEventType.REOPENED, ReportStatus.IN_PROGRESS, null, actor);
				notifyReporters(c, "【城管进社区】收到您的评价，您反映的问题（查询码 " + code + "）已安排重新处理。");
			}
			default -> {
				// internal steps (立案, 签收, 退回, 核查不通过, 销号, 合并) are not the reporter's concern
			}
		}
	}

	private void notifyReporters(CaseView c, String message) {
		for (String phone : intake.reporterPhones(c.reportId())) {
			notifications.enqueue(Notifications.SMS, phone, message);
		}
	}

	private String lastFeedback(long caseId) {
		return jdbc.sql("""
				SELECT note FROM case_history WHERE case_id = ? AND action = 'FEEDBACK_DONE' ORDER BY seq DESC LIMIT 1""")
			.param(caseId)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	// ---- reading

	/** The case, if inside the person's scope; otherwise 404 and an audit entry. */
	@Transactional(readOnly = true)
	public CaseView get(long caseId, StaffPrincipal who) {
		CaseView found = find(caseId).orElseThrow(NotFoundException::new);
		scopeGuard.requireCovers(who, found.regionPath(), "case", caseId);
		return found;
	}

	/** A photo attached to a step of this case, for someone who may see the case. */
	@Transactional(readOnly = true)
	public StoredFile photo(long caseId, String fileId, StaffPrincipal who) {
		get(caseId, who);
		boolean attached = history.entries(caseId).stream().anyMatch(entry -> entry.photoIds().contains(fileId));
		if (!attached) {
			throw new NotFoundException();
		}
		return files.load(fileId).orElseThrow(NotFoundException::new);
	}

	/** The case a report became, for someone who may see the case (refused like {@link #get} otherwise). */
	@Transactional(readOnly = true)
	public Optional<CaseView> forReport(long reportId, StaffPrincipal who) {
		Optional<CaseView> found = caseOfReport(reportId);
		found.ifPresent(view -> scopeGuard.requireCovers(who, view.regionPath(), "case", view.id()));
		return found;
	}

	/** Unchecked: only for reacting to intake's events, which act for the whole platform. */
	private Optional<CaseView> caseOfReport(long reportId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM case_file WHERE report_id = ?").param(reportId)
			.query((rs, n) -> view(rs)).optional();
	}

	@Transactional(readOnly = true)
	public List<CaseHistory.Entry> history(long caseId, StaffPrincipal who) {
		get(caseId, who);
		return history.entries(caseId);
	}

	private Optional<CaseView> find(long caseId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM case_file WHERE id = ?").param(caseId)
			.query((rs, n) -> view(rs)).optional();
	}

	private CaseView load(long caseId) {
		return find(caseId).orElseThrow();
	}

	private static CaseView view(ResultSet rs) throws SQLException {
		return new CaseView(rs.getLong("id"), rs.getLong("report_id"), rs.getString("tracking_code"),
				rs.getString("channel"), CaseState.valueOf(rs.getString("state")), rs.getString("handling_mode"),
				rs.getObject("category_id", Long.class), rs.getLong("community_id"), rs.getString("region_path"),
				rs.getObject("assignee_unit_id", Long.class), rs.getObject("assignee_staff_id", Long.class),
				rs.getObject("merged_into_id", Long.class),
				instant(rs, "accept_due_at"), instant(rs, "handle_started_at"), instant(rs, "handle_due_at"),
				instant(rs, "overdue_at"), rs.getInt("escalation_level"), rs.getInt("rework_count"),
				instant(rs, "created_at"), instant(rs, "closed_at"), rs.getLong("version"), instant(rs, "accept_warn_at"),
				instant(rs, "handle_warn_at"), rs.getInt("return_count"),
				rs.getString("excluded_as") == null ? null : RequestReason.valueOf(rs.getString("excluded_as")));
	}

	/** The 80 % warning of a deadline set by hand (an approved 延期), counted in calendar time from the start. */
	private static Instant warningAtFourFifths(Instant start, Instant due) {
		if (start == null || due == null || !due.isAfter(start)) {
			return due;
		}
		return start.plus(Duration.between(start, due).multipliedBy(4).dividedBy(5));
	}

	private String label(String code) {
		return messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
	}




}
