package chengguan.engagement;

import java.util.List;
import java.util.Optional;

/**
 * A question as residents see it, numbered from 1 in the survey's order.
 * @param options the choices of choice and satisfaction questions, in order; empty for rating and text
 */
public record SurveyQuestion(long id, int number, SurveyQuestionKind kind, String text, boolean required,
		List<Option> options) {

	public SurveyQuestion {
		options = List.copyOf(options);
	}

	/** @param satisfaction the level of a satisfaction question's option, null for other questions */
	public record Option(long id, String label, SurveySatisfaction satisfaction) {
	}

	public Optional<Option> option(long optionId) {
		return options.stream().filter(option -> option.id() == optionId).findFirst();
	}

	/** A, B, C … as the paper questionnaire letters its choices. */
	public String letter(Option option) {
		return String.valueOf((char) ('A' + options.indexOf(option)));
	}

}
