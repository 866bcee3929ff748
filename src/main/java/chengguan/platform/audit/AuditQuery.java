package chengguan.platform.audit;

import java.time.LocalDate;

/** Filters of the audit page; every field may be null. Days are read in the platform's time zone. */
public record AuditQuery(String actor, AuditAction action, LocalDate from, LocalDate to, int page) {

	public static final int PAGE_SIZE = 50;

	public AuditQuery {
		page = Math.max(page, 0);
		actor = actor == null || actor.isBlank() ? null : actor.strip();
	}

}
