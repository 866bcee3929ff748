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

/**
 * Every step a case can take: the states it may start from, the state it leads to, who may take it, and whether a
 * note is required (a decline or a failed verification must say why). This table is the state machine; nothing
 * else changes a case's state. The Chinese names are {@code case.action.*} in messages.properties.
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
	MERGE(EnumSet.of(PENDING, ACCEPTED, REGISTERED), MERGED, false, Role.DISPATCHER, Role.ADMIN);

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

	public CaseState target() {
		return to;
	}

	public boolean noteRequired() {
		return noteRequired;
	}

	/**
	 * Whether a case waiting for this step belongs in someone's 我的待办. Merging, 销号 and 返工 after a rating happen
	 * on their own; settling on the spot is an option at intake, not a to-do.
	 */
	public boolean isToDo() {
		return this != MERGE && this != ARCHIVE && this != REOPEN && this != RESOLVE_ON_SPOT;
	}

	/** Whether staff pick this step themselves (merging and a rating's rework follow from intake). */
	public boolean isOffered() {
		return this != MERGE && this != REOPEN;
	}

	/** Steps the assigned unit takes on its own case: others in scope may not take them for it. */
	public boolean byAssignee() {
		return this == START || this == FEEDBACK_DONE || this == RETURN;
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
