package chengguan.cases;

/**
 * The stages of the loop that each run against a limit of their own (a {@code case_stage_clock} row each time the
 * stage starts); the Chinese names are {@code calendar.stage.*}. 受理 and 处置 take their limits from the category,
 * the others from {@link StageLimits}.
 */
public enum CaseStage {

	/** 受理: from the report until it is accepted */
	ACCEPT,
	/** 立案: from acceptance (and 核实) until it is registered */
	REGISTER,
	/** 派遣: from registration (or a 退回) until it is dispatched */
	DISPATCH,
	/** 处置: from registration (or a rework) until the handler's 反馈; limit by category */
	HANDLE,
	/** 核查: from the 反馈 until it is checked */
	VERIFY,
	/** 回访: from 结案 until the reporter's rating or 销号 */
	VISIT

}
