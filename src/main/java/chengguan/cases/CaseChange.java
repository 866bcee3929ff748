package chengguan.cases;

import java.time.Instant;

/** One history entry, as far as someone following changes needs it: which case moved, and when. */
public record CaseChange(long historyId, long caseId, Instant occurredAt) {
}
