package chengguan.engagement;

/**
 * What a resident sends from the community's public page: a suggestion or a need, an optional phone for the answer,
 * the form's idempotency key and the client address for the rate limit.
 */
public record SuggestionSubmission(String communityCode, NeedKind kind, String content, String phone,
		String idempotencyKey, String clientIp) {
}
