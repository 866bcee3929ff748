package chengguan.engagement;

import java.time.LocalDate;
import java.util.List;

/**
 * What staff give to create or change a survey.
 * @param questions the questions, or null to keep the survey's questions as they are (they cannot change once
 *                  residents have answered)
 * @param templateId the template the survey was started from, if any (for the record only)
 */
public record SurveyDetails(String title, String intro, LocalDate startDate, LocalDate endDate,
		List<Long> communityIds, List<SurveyQuestionDraft> questions, Long templateId) {

	public SurveyDetails {
		communityIds = communityIds == null ? List.of() : List.copyOf(communityIds);
		questions = questions == null ? null : List.copyOf(questions);
	}

}
