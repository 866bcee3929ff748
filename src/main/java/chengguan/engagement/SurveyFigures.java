package chengguan.engagement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A survey's results inside one person's scope. Percentages have one decimal and are null where nobody answered
 * (shown as —). 满意率 = (满意 + 基本满意) / those who answered the question.
 * @param responses answer sheets received from the communities in scope
 * @param communities the survey's communities inside the scope, with their 满意率
 * @param sheets every answer sheet, oldest first, for the export
 */
public record SurveyFigures(Survey survey, int responses, List<QuestionFigures> questions,
		List<CommunityFigures> communities, List<Sheet> sheets) {

	/**
	 * @param answered respondents who answered this question
	 * @param counts per option (per score for ratings), in order; empty for text questions
	 * @param satisfactionRate for satisfaction questions
	 * @param averageRating for rating questions, two decimals
	 * @param texts the text answers, or the reasons given with 不满意, newest first
	 */
	public record QuestionFigures(SurveyQuestion question, int answered, List<Count> counts,
			BigDecimal satisfactionRate, BigDecimal averageRating, List<TextAnswer> texts) {
	}

	/** @param percent of the respondents who answered the question (a multiple choice can add up to more than 100) */
	public record Count(String label, int count, BigDecimal percent) {
	}

	/**
	 * @param rates 满意率 per satisfaction question of the survey, in order
	 * @param overallRate all of the community's satisfaction answers taken together
	 */
	public record CommunityFigures(Survey.Community community, int responses, List<BigDecimal> rates,
			BigDecimal overallRate) {
	}

	public record TextAnswer(String communityName, Instant submittedAt, String text) {
	}

	/**
	 * One resident's answers.
	 * @param answers question id → the answer as text (options joined with 、)
	 * @param reasons question id → the reason given with 不满意
	 */
	public record Sheet(long id, String communityName, Instant submittedAt, Map<Long, String> answers,
			Map<Long, String> reasons) {
	}

	/** {@code part} of {@code whole} in percent with one decimal, or null when the whole is 0. */
	public static BigDecimal percent(long part, long whole) {
		if (whole == 0) {
			return null;
		}
		return BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
	}

	/** 75.0%, or — when there is nothing to divide by. */
	public static String shown(BigDecimal percent) {
		return percent == null ? "—" : percent.toPlainString() + "%";
	}

}
