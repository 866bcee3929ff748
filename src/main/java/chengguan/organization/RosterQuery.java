package chengguan.organization;

/** Roster search: free text over name, phone, position and unit; optionally one unit. */
public record RosterQuery(String text, Long unitId, int page) {

	public static final int PAGE_SIZE = 30;

	public RosterQuery {
		text = text == null || text.isBlank() ? null : text.strip();
		page = Math.max(page, 0);
	}

}
