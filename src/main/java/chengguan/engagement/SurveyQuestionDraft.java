package chengguan.engagement;

import java.util.List;

/**
 * A question as staff write it on the survey form.
 * @param options the choices of a single or multiple choice question; ignored for the other kinds
 */
public record SurveyQuestionDraft(SurveyQuestionKind kind, String text, boolean required, List<String> options) {

	public SurveyQuestionDraft {
		options = options == null ? List.of() : List.copyOf(options);
	}

	public static SurveyQuestionDraft of(SurveyQuestion question) {
		return new SurveyQuestionDraft(question.kind(), question.text(), question.required(),
				question.kind().hasOwnOptions() ? question.options().stream().map(SurveyQuestion.Option::label).toList()
						: List.of());
	}

}
