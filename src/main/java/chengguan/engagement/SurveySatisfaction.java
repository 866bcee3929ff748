package chengguan.engagement;

/** The three answers of a satisfaction question, as 附件1 prints them. */
public enum SurveySatisfaction {

	SATISFIED("满意"), BASICALLY_SATISFIED("基本满意"), DISSATISFIED("不满意");

	/** What 附件1 prints in the brackets under a satisfaction question, asked for when the answer is 不满意. */
	public static final String REASON_PROMPT = "不满意的原因：";

	private final String label;

	SurveySatisfaction(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** 满意率 counts 满意 and 基本满意 as satisfied. */
	public boolean countsAsSatisfied() {
		return this != DISSATISFIED;
	}

}
