package chengguan.platform.history;

/** Something the history check found: which case (or audit row) and what is wrong with it. */
public record Finding(String targetType, String targetId, String reason) {
}
