package chengguan.engagement;

/** What a survey question asks for; the Chinese names are in messages.properties under {@code survey.kind.*}. */
public enum SurveyQuestionKind {

	/** 单选 */
	SINGLE_CHOICE,
	/** 多选 */
	MULTIPLE_CHOICE,
	/** 满意 / 基本满意 / 不满意, with a reason asked for when 不满意 */
	SATISFACTION,
	/** 1–5 分 */
	RATING,
	/** 文字 */
	TEXT;

	/** Whether the staff member lists the choices (satisfaction questions always have the same three). */
	public boolean hasOwnOptions() {
		return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
	}

	/** Whether an answer is one or more of the question's options. */
	public boolean isChoice() {
		return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE || this == SATISFACTION;
	}

}
