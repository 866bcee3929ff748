/**
 * The closed loop: every report becomes a case that moves 待受理 → 已受理 → 已立案 / 不予立案 → 已派遣 → 处置中 →
 * 已反馈 → 核查 → 已结案 → 回访评价 → 已销号 under one explicit state machine, with an append-only,
 * hash-chained history and notifications to the reporter through a retryable outbox.
 */
@org.springframework.modulith.ApplicationModule(displayName = "案件闭环")
package chengguan.cases;
