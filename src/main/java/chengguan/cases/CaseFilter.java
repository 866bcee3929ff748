package chengguan.cases;

import java.time.LocalDate;

/**
 * The case list's filters; nulls mean "any". {@code regionId} is any region in scope (a street takes its
 * communities along). Dates are whole days in the platform's time zone.
 */
public record CaseFilter(CaseInbox inbox, CaseState state, String channel, Long regionId, Long categoryId,
		LocalDate from, LocalDate to, int page) {

	public static final int PAGE_SIZE = 50;

	public CaseFilter {
		inbox = inbox == null ? CaseInbox.MINE : inbox;
		channel = channel == null || channel.isBlank() ? null : channel;
		page = Math.max(0, page);
	}

}
