package chengguan.cases;

/**
 * How many selected cases under one region path stand in one state, and how many of them have run past the limit
 * that applies now (受理 or 处置), as the 超期 inbox counts them.
 */
public record CaseTally(String regionPath, CaseState state, int cases, int overdue) {
}
