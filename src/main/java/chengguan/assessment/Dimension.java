package chengguan.assessment;

/**
 * What rollups break figures down by, besides period and place. The key is kept as text: a category, unit or staff
 * id, or a channel name; "-" when the case has none (未分类, 未派遣).
 */
public enum Dimension {

	ALL("''", "合计"),
	CATEGORY("COALESCE(CAST(category_id AS VARCHAR(32)), '-')", "问题类型"),
	CHANNEL("channel", "渠道"),
	UNIT("COALESCE(CAST(assignee_unit_id AS VARCHAR(32)), '-')", "承办单位"),
	STAFF("COALESCE(CAST(assignee_staff_id AS VARCHAR(32)), '-')", "承办人员");

	public static final String NONE = "-";

	private final String keyExpression;

	private final String label;

	Dimension(String keyExpression, String label) {
		this.keyExpression = keyExpression;
		this.label = label;
	}

	/** The SQL expression over assessment_case_fact that gives a case's key. */
	String keyExpression() {
		return keyExpression;
	}

	public String label() {
		return label;
	}

}
