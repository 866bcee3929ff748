package chengguan.assessment;

/** Where an indicator's input comes from. */
public enum IndicatorSource {

	/** A group of indicators, no input of its own. */
	GROUP("指标组"),
	/** A {@link Kpi} of the subject's cases (or visits) in the period. */
	KPI("业务指标"),
	/** The average 双向评价 the subject's communities gave (1–5). */
	MUTUAL_RATING("双向评价均分"),
	/** Monthly work ledgers due in the period and not submitted on time. */
	LEDGER_LATE("台账逾期报送次数"),
	/** Points an admin enters. */
	MANUAL("人工评分");

	private final String label;

	IndicatorSource(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
