package chengguan.cases;

import java.util.EnumSet;
import java.util.Set;

import chengguan.platform.security.Role;

import static chengguan.cases.CaseState.ACCEPTED;
import static chengguan.cases.CaseState.ARCHIVED;
import static chengguan.cases.CaseState.CLOSED;
import static chengguan.cases.CaseState.DECLINED;
import static chengguan.cases.CaseState.DISPATCHED;
import static chengguan.cases.CaseState.FEEDBACK;
import static chengguan.cases.CaseState.HANDLING;
import static chengguan.cases.CaseState.MERGED;
import static chengguan.cases.CaseState.PENDING;
import static chengguan.cases.CaseState.REGISTERED;
import static chengguan.cases.CaseState.SUSPENDED;
import static chengguan.cases.CaseState.UNRATED;

/**
 * Every step a case can take: the states it may start from, the state it leads to, who may take it, and whether a
 * note is required (a decline or a failed verification must say why). This table is the state machine; nothing
 * else changes a case's state. A step without a target state ({@code null}) leaves the case where it is (a request
 * or a refusal). The Chinese names are {@code case.action.*} in messages.properties.
 *
 * <p>延期 and 挂起 are asked for by the assignee and decided by 指挥调度 or 局领导 — the command centre sets and
 * watches the time limits in the digital city-management flow, a leader may overrule it — never by the person who
 * asked. 无理/重复诉求 marks are asked for by 指挥调度 and decided by 督查 or 局领导.
 */
public enum CaseAction {

	/** 受理 */
	ACCEPT(EnumSet.of(PENDING), ACCEPTED, false, Role.DISPATCHER, Role.ADMIN),
	/** 现场解决: settled on the spot at intake; still records who solved what */
	RESOLVE_ON_SPOT(EnumSet.of(PENDING, ACCEPTED), CLOSED, true, Role.DISPATCHER, Role.LIAISON, Role.COMMUNITY_STAFF,
			Role.HANDLER, Role.ADMIN),
	/** 立案 */
	REGISTER(EnumSet.of(ACCEPTED), REGISTERED, false, Role.DISPATCHER, Role.ADMIN),
	/** 不予立案 (with the reason told to the reporter) */
	DECLINE(EnumSet.of(PENDING, ACCEPTED), DECLINED, true, Role.DISPATCHER, Role.ADMIN),
	/** 派遣 to a department, squadron or liaison */
	DISPATCH(EnumSet.of(REGISTERED), DISPATCHED, false, Role.DISPATCHER, Role.ADMIN),
	/** 改派: to another unit, with the reason */
	REASSIGN(EnumSet.of(DISPATCHED, HANDLING), DISPATCHED, true, Role.DISPATCHER, Role.ADMIN),
	/** 退回: the assignee sends it back to dispatch, with the reason */
	RETURN(EnumSet.of(DISPATCHED, HANDLING), REGISTERED, true, Role.HANDLER, Role.LIAISON, Role.DISPATCHER,
			Role.ADMIN),
	/** 签收, handling starts */
	START(EnumSet.of(DISPATCHED), HANDLING, false, Role.HANDLER, Role.LIAISON, Role.DISPATCHER, Role.ADMIN),
	/** 处置反馈: what was done */
	FEEDBACK_DONE(EnumSet.of(HANDLING), FEEDBACK, true, Role.HANDLER, Role.LIAISON, Role.DISPATCHER, Role.ADMIN),
	/** 核查通过 → 结案 */
	VERIFY_PASS(EnumSet.of(FEEDBACK), CLOSED, false, Role.DISPATCHER, Role.INSPECTOR, Role.ADMIN),
	/** 核查不通过 → 返工 */
	VERIFY_FAIL(EnumSet.of(FEEDBACK), HANDLING, true, Role.DISPATCHER, Role.INSPECTOR, Role.ADMIN),
	/** 回访满意/基本满意 → 销号 (from the reporter's rating, or by staff when nobody can rate) */
	ARCHIVE(EnumSet.of(CLOSED), ARCHIVED, false, Role.DISPATCHER, Role.ADMIN),
	/** 回访不满意 → 返工 (from the reporter's rating) */
	REOPEN(EnumSet.of(CLOSED), HANDLING, true, Role.DISPATCHER, Role.ADMIN),
	/** 合并 into another case (when its report was merged) */
	MERGE(EnumSet.of(PENDING, ACCEPTED, REGISTERED), MERGED, false, Role.DISPATCHER, Role.ADMIN),
	/** 申请延期: the assignee asks for a later deadline, with the reason */
	REQUEST_EXTENSION(EnumSet.of(DISPATCHED, HANDLING), null, true, Role.HANDLER, Role.LIAISON, Role.DISPATCHER,
			Role.ADMIN),
	/** 批准延期: the requested deadline becomes the handling deadline; the case no longer counts as on time */
	APPROVE_EXTENSION(EnumSet.of(DISPATCHED, HANDLING), null, false, Role.DISPATCHER, Role.LEADER, Role.ADMIN),
	/** 驳回延期, with the reason */
	REFUSE_EXTENSION(EnumSet.of(DISPATCHED, HANDLING), null, true, Role.DISPATCHER, Role.LEADER, Role.ADMIN),
	/** 申请挂起: handling has to wait (reason kind and note) */
	REQUEST_SUSPENSION(EnumSet.of(HANDLING), null, true, Role.HANDLER, Role.LIAISON, Role.DISPATCHER, Role.ADMIN),
	/** 批准挂起: the clock stops */
	APPROVE_SUSPENSION(EnumSet.of(HANDLING), SUSPENDED, false, Role.DISPATCHER, Role.LEADER, Role.ADMIN),
	/** 驳回挂起, with the reason */
	REFUSE_SUSPENSION(EnumSet.of(HANDLING), null, true, Role.DISPATCHER, Role.LEADER, Role.ADMIN),
	/** 恢复: the wait is over; the deadline moves by the time the case stood still */
	RESUME(EnumSet.of(SUSPENDED), HANDLING, false, Role.HANDLER, Role.LIAISON, Role.DISPATCHER, Role.LEADER,
			Role.ADMIN),
	/** 电话回访：满意/基本满意 → 销号 */
	FOLLOW_UP_SATISFIED(EnumSet.of(CLOSED), ARCHIVED, false, Role.DISPATCHER, Role.COMMUNITY_STAFF, Role.ADMIN),
	/** 电话回访：不满意 → 返工 */
	FOLLOW_UP_DISSATISFIED(EnumSet.of(CLOSED), HANDLING, true, Role.DISPATCHER, Role.COMMUNITY_STAFF, Role.ADMIN),
	/** 未评价: the 回访 period ran out without a rating (the follow-up job only) */
	EXPIRE_UNRATED(EnumSet.of(CLOSED), UNRATED, false),
	/** 申请认定无理诉求 / 重复诉求 (reason kind UNREASONABLE or REPEATED, with the reason) */
	REQUEST_EXCLUSION(EnumSet.of(ACCEPTED, REGISTERED, DISPATCHED, HANDLING, FEEDBACK, CLOSED), null, true,
			Role.DISPATCHER, Role.ADMIN),
	/** 批准认定: the case no longer counts in the satisfaction rate (counted apart) */
	APPROVE_EXCLUSION(EnumSet.of(ACCEPTED, REGISTERED, DISPATCHED, HANDLING, FEEDBACK, CLOSED), null, false,
			Role.INSPECTOR, Role.LEADER, Role.ADMIN),
	/** 驳回认定, with the reason */
	REFUSE_EXCLUSION(EnumSet.of(ACCEPTED, REGISTERED, DISPATCHED, HANDLING, FEEDBACK, CLOSED), null, true,
			Role.INSPECTOR, Role.LEADER, Role.ADMIN);

	private final Set<CaseState> from;

	private final CaseState to;

	private final boolean noteRequired;

	private final Set<Role> roles;

	CaseAction(Set<CaseState> from, CaseState to, boolean noteRequired, Role... roles) {
		this.from = from;
		this.to = to;
		this.noteRequired = noteRequired;
		this.roles = Set.of(roles);
	}

	public boolean allowedFrom(CaseState state) {
		return from.contains(state);
	}

	/** The state this step leads to; {@code null} when the case stays where it is. */
	public CaseState target() {
		return to;
	}

	/** The state a case in {@code from} is in after this step. */
	public CaseState targetFrom(CaseState from) {
		return to == null ? from : to;
	}

	/** The request a step makes or decides, if it is one of the approval pairs. */
	public RequestKind requestKind() {
		return switch (this) {
			case REQUEST_EXTENSION, APPROVE_EXTENSION, REFUSE_EXTENSION -> RequestKind.EXTENSION;
			case REQUEST_SUSPENSION, APPROVE_SUSPENSION, REFUSE_SUSPENSION -> RequestKind.SUSPENSION;
			case REQUEST_EXCLUSION, APPROVE_EXCLUSION, REFUSE_EXCLUSION -> RequestKind.EXCLUSION;
			default -> null;
		};
	}

	/** Whether this step asks for something that someone else then decides. */
	public boolean isRequest() {
		return this == REQUEST_EXTENSION || this == REQUEST_SUSPENSION || this == REQUEST_EXCLUSION;
	}

	/** Whether this step decides a pending request (approves or refuses it). */
	public boolean isDecision() {
		return requestKind() != null && !isRequest();
	}

	public boolean noteRequired() {
		return noteRequired;
	}

	/**
	 * Whether a case waiting for this step belongs in someone's 我的待办. Merging, 销号 and 返工 after a rating happen
	 * on their own; settling on the spot is an option at intake, not a to-do.
	 */
	public boolean isToDo() {
		return this != MERGE && this != ARCHIVE && this != REOPEN && this != RESOLVE_ON_SPOT && requestKind() == null
				&& this != FOLLOW_UP_SATISFIED && this != FOLLOW_UP_DISSATISFIED && this != EXPIRE_UNRATED
				&& this != RESUME;
	}

	/** Whether staff pick this step themselves (merging and a rating's rework follow from intake). */
	public boolean isOffered() {
		return this != MERGE && this != REOPEN && this != EXPIRE_UNRATED;
	}

	/** Steps the assigned unit takes on its own case: others in scope may not take them for it. */
	public boolean byAssignee() {
		return this == START || this == FEEDBACK_DONE || this == RETURN || this == REQUEST_EXTENSION
				|| this == REQUEST_SUSPENSION || this == RESUME;
	}

	public boolean mayBeTakenBy(Set<Role> held) {
		return held.stream().anyMatch(roles::contains);
	}

	/** The actions a case in this state offers. */
	public static Set<CaseAction> availableFrom(CaseState state) {
		Set<CaseAction> available = EnumSet.noneOf(CaseAction.class);
		for (CaseAction action : values()) {
			if (action.allowedFrom(state)) {
				available.add(action);
			}
		}
		return available;
	}

}
