package chengguan.cases;

import java.time.LocalDate;

/** The case list's filters; nulls mean "any". Dates are whole days in the platform's time zone. */
public record CaseFilter(CaseInbox inbox, CaseState state, String channel, Long communityId, Long categoryId,
		LocalDate from, LocalDate to, int page) {

	public static final int PAGE_SIZE = 50;

	public CaseFilter {
		inbox = inbox == null ? CaseInbox.MINE : inbox;
		channel = channel == null || channel.isBlank() ? null : channel;
		page = Math.max(0, page);
	}

}
