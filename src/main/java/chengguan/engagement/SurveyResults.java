package chengguan.engagement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import chengguan.platform.security.StaffPrincipal;

import static chengguan.platform.persistence.DbTime.instant;

/** Counts, percentages and 满意率 of a survey, from the answers of the communities inside the person's scope. */
@Service
public class SurveyResults {

	private final JdbcClient jdbc;

	SurveyResults(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private record Row(long responseId, long communityId, Instant submittedAt, Long questionId, Long optionId,
			Integer rating, String text) {
	}

	@Transactional(readOnly = true)
	public SurveyFigures of(Survey survey, StaffPrincipal who) {
		String scope = who.scope().pathPattern();
		// a LEFT JOIN keeps the sheets on which every question was left out (all optional)
		List<Row> rows = jdbc.sql("""
				SELECT r.id, r.community_id, r.submitted_at, a.question_id, a.option_id, a.rating, a.answer_text
				FROM survey_response r LEFT JOIN survey_answer a ON a.response_id = r.id
				WHERE r.survey_id = ? AND r.region_path LIKE ?
				ORDER BY r.submitted_at, r.id, a.id""")
			.params(survey.id(), scope)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), instant(rs, 3),
					rs.getObject(4) == null ? null : rs.getLong(4), rs.getObject(5) == null ? null : rs.getLong(5),
					rs.getObject(6) == null ? null : rs.getInt(6), rs.getString(7)))
			.list();
		List<Survey.Community> communities = survey.communities()
			.stream()
			.filter(community -> who.scope().covers(community.regionPath()))
			.toList();
		Map<Long, String> communityNames = survey.communities()
			.stream()
			.collect(Collectors.toMap(Survey.Community::regionId, Survey.Community::name));
		Map<Long, SurveyQuestion.Option> options = new HashMap<>();
		survey.questions().forEach(question -> question.options().forEach(option -> options.put(option.id(), option)));

		int responses = (int) rows.stream().map(Row::responseId).distinct().count();
		List<SurveyFigures.QuestionFigures> questions = new ArrayList<>();
		for (SurveyQuestion question : survey.questions()) {
			List<Row> mine = rows.stream().filter(row -> Long.valueOf(question.id()).equals(row.questionId())).toList();
			questions.add(figures(question, mine, communityNames));
		}

		List<SurveyFigures.CommunityFigures> perCommunity = new ArrayList<>();
		List<SurveyQuestion> satisfaction = survey.satisfactionQuestions();
		for (Survey.Community community : communities) {
			List<Row> theirs = rows.stream().filter(row -> row.communityId() == community.regionId()).toList();
			List<BigDecimal> rates = new ArrayList<>();
			long satisfied = 0;
			long answered = 0;
			for (SurveyQuestion question : satisfaction) {
				List<Row> answers = theirs.stream()
					.filter(row -> Long.valueOf(question.id()).equals(row.questionId()) && row.optionId() != null)
					.toList();
				long yes = answers.stream()
					.filter(row -> options.get(row.optionId()).satisfaction().countsAsSatisfied())
					.count();
				rates.add(SurveyFigures.percent(yes, answers.size()));
				satisfied += yes;
				answered += answers.size();
			}
			perCommunity.add(new SurveyFigures.CommunityFigures(community,
					(int) theirs.stream().map(Row::responseId).distinct().count(), rates,
					SurveyFigures.percent(satisfied, answered)));
		}
		return new SurveyFigures(survey, responses, questions, perCommunity, sheets(rows, options, communityNames));
	}

	private static SurveyFigures.QuestionFigures figures(SurveyQuestion question, List<Row> rows,
			Map<Long, String> communityNames) {
		int answered = (int) rows.stream().map(Row::responseId).distinct().count();
		List<SurveyFigures.Count> counts = new ArrayList<>();
		BigDecimal satisfactionRate = null;
		BigDecimal averageRating = null;
		List<SurveyFigures.TextAnswer> texts = new ArrayList<>();
		switch (question.kind()) {
			case SINGLE_CHOICE, MULTIPLE_CHOICE, SATISFACTION -> {
				long satisfied = 0;
				for (SurveyQuestion.Option option : question.options()) {
					long count = rows.stream().filter(row -> Long.valueOf(option.id()).equals(row.optionId())).count();
					counts.add(new SurveyFigures.Count(option.label(), (int) count,
							SurveyFigures.percent(count, answered)));
					if (option.satisfaction() != null && option.satisfaction().countsAsSatisfied()) {
						satisfied += count;
					}
				}
				if (question.kind() == SurveyQuestionKind.SATISFACTION) {
					satisfactionRate = SurveyFigures.percent(satisfied, answered);
				}
			}
			case RATING -> {
				for (int score = 1; score <= 5; score++) {
					int wanted = score;
					long count = rows.stream().filter(row -> row.rating() != null && row.rating() == wanted).count();
					counts.add(new SurveyFigures.Count(score + " 分", (int) count, SurveyFigures.percent(count, answered)));
				}
				int sum = rows.stream().filter(row -> row.rating() != null).mapToInt(Row::rating).sum();
				averageRating = answered == 0 ? null
						: BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(answered), 2, RoundingMode.HALF_UP);
			}
			case TEXT -> {
			}
		}
		rows.stream()
			.filter(row -> row.text() != null)
			.sorted(Comparator.comparing(Row::submittedAt).thenComparing(Row::responseId).reversed())
			.forEach(row -> texts.add(new SurveyFigures.TextAnswer(communityNames.get(row.communityId()),
					row.submittedAt(), row.text())));
		return new SurveyFigures.QuestionFigures(question, answered, counts, satisfactionRate, averageRating, texts);
	}

	private static List<SurveyFigures.Sheet> sheets(List<Row> rows,
			Map<Long, SurveyQuestion.Option> options, Map<Long, String> communityNames) {
		Map<Long, List<Row>> byResponse = new LinkedHashMap<>();
		rows.forEach(row -> byResponse.computeIfAbsent(row.responseId(), key -> new ArrayList<>()).add(row));
		List<SurveyFigures.Sheet> sheets = new ArrayList<>();
		byResponse.forEach((responseId, answers) -> {
			Map<Long, String> shown = new HashMap<>();
			Map<Long, String> reasons = new HashMap<>();
			for (Row row : answers) {
				if (row.questionId() == null) {
					continue;
				}
				String value;
				if (row.optionId() != null) {
					value = options.get(row.optionId()).label();
					if (row.text() != null) {
						reasons.put(row.questionId(), row.text());
					}
				}
				else if (row.rating() != null) {
					value = row.rating().toString();
				}
				else {
					value = row.text();
				}
				shown.merge(row.questionId(), value, (first, more) -> first + "、" + more);
			}
			Row first = answers.get(0);
			sheets.add(new SurveyFigures.Sheet(responseId, communityNames.get(first.communityId()),
					first.submittedAt(), shown, reasons));
		});
		return sheets;
	}

}
