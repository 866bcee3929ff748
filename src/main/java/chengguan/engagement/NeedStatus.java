package chengguan.engagement;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a suggestion or need stands: 待研判 → 已采纳 / 办理中 → 已解决, or 不予采纳 (with a reason for the resident);
 * {@code need.status.*} in messages.properties.
 */
public enum NeedStatus {

	/** 待研判 */
	PENDING,
	/** 已采纳 */
	ADOPTED,
	/** 办理中 */
	IN_PROGRESS,
	/** 已解决 */
	RESOLVED,
	/** 不予采纳 */
	REJECTED;

	private static final Map<NeedStatus, Set<NeedStatus>> NEXT = Map.of(
			PENDING, EnumSet.of(ADOPTED, IN_PROGRESS, REJECTED),
			ADOPTED, EnumSet.of(IN_PROGRESS, RESOLVED),
			IN_PROGRESS, EnumSet.of(RESOLVED),
			RESOLVED, EnumSet.noneOf(NeedStatus.class),
			REJECTED, EnumSet.noneOf(NeedStatus.class));

	public boolean canMoveTo(NeedStatus next) {
		return next != null && NEXT.get(this).contains(next);
	}

	/** The statuses this one may move to, in order, for the page's buttons. */
	public Set<NeedStatus> next() {
		return NEXT.get(this);
	}

	public boolean isOpen() {
		return this != RESOLVED && this != REJECTED;
	}

}
