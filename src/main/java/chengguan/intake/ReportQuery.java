package chengguan.intake;

/** Filters of the staff report list; nulls mean "any". {@code page} counts from 0. */
public record ReportQuery(ReportStatus status, Channel channel, Long communityId, String text, int page) {

	public static final int PAGE_SIZE = 50;

	public ReportQuery {
		text = text == null || text.isBlank() ? null : text.strip();
		page = Math.max(0, page);
	}

}
