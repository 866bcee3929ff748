package chengguan.engagement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import chengguan.platform.security.DataScope;

/**
 * A satisfaction survey, or a template to start one from. A survey is answered through a link per target
 * community during its period; a template ({@code template}) has no code, period or communities.
 * @param code the survey's part of its public address /s/{code}/{communityCode}
 * @param closedAt when staff closed the survey before its end date, else null
 */
public record Survey(long id, String code, String title, String intro, boolean template, boolean builtIn,
		String source, LocalDate startDate, LocalDate endDate, Instant closedAt, List<SurveyQuestion> questions,
		List<Community> communities, String createdBy, Instant createdAt, long version) {

	public Survey {
		questions = List.copyOf(questions);
		communities = List.copyOf(communities);
	}

	public record Community(long regionId, String code, String name, String regionPath) {
	}

	public SurveyStatus status(LocalDate today) {
		if (template || closedAt != null || today.isAfter(endDate)) {
			return SurveyStatus.CLOSED;
		}
		return today.isBefore(startDate) ? SurveyStatus.NOT_STARTED : SurveyStatus.OPEN;
	}

	/** Templates are for everyone; a survey for those whose scope reaches one of its communities. */
	public boolean meets(DataScope scope) {
		return template || communities.stream().anyMatch(community -> scope.covers(community.regionPath()));
	}

	/** Whether every community lies inside the scope: only then may the person change the survey. */
	public boolean within(DataScope scope) {
		return !template && communities.stream().allMatch(community -> scope.covers(community.regionPath()));
	}

	public Optional<Community> community(String communityCode) {
		return communities.stream().filter(community -> community.code().equals(communityCode)).findFirst();
	}

	public List<Long> communityIds() {
		return communities.stream().map(Community::regionId).toList();
	}

	public List<SurveyQuestion> satisfactionQuestions() {
		return questions.stream().filter(question -> question.kind() == SurveyQuestionKind.SATISFACTION).toList();
	}

}
