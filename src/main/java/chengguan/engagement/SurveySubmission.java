package chengguan.engagement;

import java.util.List;
import java.util.Map;

/**
 * A resident's answers as the public page sends them.
 * @param values form parameters: {@code q<questionId>} holds the chosen option ids, the rating or the text;
 *               {@code r<questionId>} the reason given with 不满意
 * @param deviceToken the token from the device's cookie, or null
 */
public record SurveySubmission(String surveyCode, String communityCode, String deviceToken, String clientIp,
		Map<String, List<String>> values) {

	public SurveySubmission {
		values = values == null ? Map.of() : Map.copyOf(values);
	}

	public static String answerField(long questionId) {
		return "q" + questionId;
	}

	public static String reasonField(long questionId) {
		return "r" + questionId;
	}

	List<String> answers(long questionId) {
		return values.getOrDefault(answerField(questionId), List.of());
	}

	String reason(long questionId) {
		List<String> reason = values.getOrDefault(reasonField(questionId), List.of());
		return reason.isEmpty() ? null : reason.get(0);
	}

}
