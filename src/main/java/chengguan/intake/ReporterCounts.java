package chengguan.intake;

/**
 * How many reports one phone number made in a period, and how many of them were suggestions (建议).
 * @param reports every report naming the phone, merged duplicates included: each was the person's own report
 */
public record ReporterCounts(int reports, int suggestions) {

	public static final ReporterCounts NONE = new ReporterCounts(0, 0);

}
