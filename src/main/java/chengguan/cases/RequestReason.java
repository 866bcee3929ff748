package chengguan.cases;

import java.util.EnumSet;
import java.util.Set;

/**
 * Why a case has to wait (挂起), or why it is taken out of the satisfaction rate; {@code case.reason.*} in
 * messages.properties.
 */
public enum RequestReason {

	/** 等待反映人（补充材料、约定时间） */
	REPORTER,
	/** 等待其他部门 */
	DEPARTMENT,
	/** 天气原因 */
	WEATHER,
	/** 其他 */
	OTHER,
	/** 无理诉求 */
	UNREASONABLE,
	/** 重复诉求 */
	REPEATED;

	public static final Set<RequestReason> SUSPENSION = EnumSet.of(REPORTER, DEPARTMENT, WEATHER, OTHER);

	public static final Set<RequestReason> EXCLUSION = EnumSet.of(UNREASONABLE, REPEATED);

}
