package chengguan.engagement;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import chengguan.platform.ratelimit.RateLimit;
import chengguan.platform.ratelimit.RateLimiter;
import chengguan.platform.web.ConflictException;
import chengguan.platform.web.InvalidRequestException;
import chengguan.platform.web.TypedText;
import chengguan.platform.web.NotFoundException;
import chengguan.platform.web.TooManyRequestsException;

import static chengguan.platform.persistence.DbTime.utc;

/**
 * Residents' answers, without sign-in: one answer per device (the hashed token of its cookie) and survey, rate
 * limits per address and per device, and every answer checked against the survey's own questions and options.
 */
@Service
public class SurveyAnswers {

	private static final Logger log = LoggerFactory.getLogger(SurveyAnswers.class);

	public static final int MAX_TEXT = 500;

	private final Surveys surveys;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final RateLimiter rateLimiter;

	private final SurveyProperties settings;

	private final Clock clock;

	SurveyAnswers(Surveys surveys, JdbcClient jdbc, TransactionTemplate transactions, RateLimiter rateLimiter,
			SurveyProperties settings, Clock clock) {
		this.surveys = surveys;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.rateLimiter = rateLimiter;
		this.settings = settings;
		this.clock = clock;
	}

	/** Whether this device has answered the survey already. */
	@Transactional(readOnly = true)
	public boolean answered(long surveyId, String deviceToken) {
		if (!SurveyDevice.wellFormed(deviceToken)) {
			return false;
		}
		return jdbc.sql("SELECT COUNT(*) FROM survey_response WHERE survey_id = ? AND device_hash = ?")
			.params(surveyId, SurveyDevice.hash(deviceToken))
			.query(Integer.class)
			.single() > 0;
	}

	/** One answer row: an option (with the reason given for 不满意), a rating, or a text. */
	record Answer(long questionId, Long optionId, Integer rating, String text) {
	}

	/** Checks and stores a resident's answers; every refusal is a 4xx with the reason in Chinese. */
	public long submit(SurveySubmission submission) {
		if (submission.clientIp() != null) {
			requireWithinLimit("survey:ip:" + submission.clientIp(), settings.answersPerIp());
		}
		if (!SurveyDevice.wellFormed(submission.deviceToken())) {
			throw new InvalidRequestException("survey.answer.noDevice");
		}
		String deviceHash = SurveyDevice.hash(submission.deviceToken());
		requireWithinLimit("survey:device:" + deviceHash, settings.answersPerDevice());
		Surveys.SurveyPlace place = surveys.forAnswering(submission.surveyCode(), submission.communityCode())
			.orElseThrow(NotFoundException::new);
		Survey survey = place.survey();
		SurveyStatus status = surveys.status(survey);
		if (status == SurveyStatus.NOT_STARTED) {
			throw new ConflictException("survey.answer.notStarted", survey.startDate().toString());
		}
		if (status == SurveyStatus.CLOSED) {
			throw new ConflictException("survey.answer.closed");
		}
		if (answered(survey.id(), submission.deviceToken())) {
			throw new ConflictException("survey.answer.already");
		}
		List<Answer> answers = check(survey, submission);
		try {
			return transactions.execute(tx -> store(survey, place.community(), deviceHash, answers));
		}
		catch (DuplicateKeyException ex) {
			// the same device sent twice at once (a double tap): the second one lost the race
			throw new ConflictException("survey.answer.already");
		}
	}

	private long store(Survey survey, Survey.Community community, String deviceHash, List<Answer> answers) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO survey_response (survey_id, community_id, region_path, device_hash, submitted_at)
				VALUES (?, ?, ?, ?, ?)""")
			.params(survey.id(), community.regionId(), community.regionPath(), deviceHash, utc(clock.instant()))
			.update(keys, "id");
		long responseId = keys.getKeyAs(Number.class).longValue();
		for (Answer answer : answers) {
			jdbc.sql("""
					INSERT INTO survey_answer (response_id, question_id, option_id, rating, answer_text)
					VALUES (?, ?, ?, ?, ?)""")
				.params(responseId, answer.questionId(), answer.optionId(), answer.rating(), answer.text())
				.update();
		}
		log.info("Survey {} answered in community {} (response {})", survey.id(), community.code(), responseId);
		return responseId;
	}

	static List<Answer> check(Survey survey, SurveySubmission submission) {
		List<Answer> answers = new ArrayList<>();
		for (SurveyQuestion question : survey.questions()) {
			List<String> given = submission.answers(question.id()).stream().map(SurveyAnswers::clean)
				.filter(java.util.Objects::nonNull).toList();
			if (given.isEmpty()) {
				if (question.required()) {
					throw new InvalidRequestException("survey.answer.required", question.number());
				}
				continue;
			}
			switch (question.kind()) {
				case SINGLE_CHOICE, SATISFACTION -> {
					if (given.size() > 1) {
						throw new InvalidRequestException("survey.answer.oneOnly", question.number());
					}
					SurveyQuestion.Option option = option(question, given.get(0));
					String reason = null;
					if (option.satisfaction() == SurveySatisfaction.DISSATISFIED) {
						reason = text(question, submission.reason(question.id()));
					}
					answers.add(new Answer(question.id(), option.id(), null, reason));
				}
				case MULTIPLE_CHOICE -> {
					Set<Long> chosen = new LinkedHashSet<>();
					for (String value : given) {
						chosen.add(option(question, value).id());
					}
					chosen.forEach(optionId -> answers.add(new Answer(question.id(), optionId, null, null)));
				}
				case RATING -> {
					if (given.size() > 1 || !given.get(0).matches("[1-5]")) {
						throw new InvalidRequestException("survey.answer.rating", question.number());
					}
					answers.add(new Answer(question.id(), null, Integer.valueOf(given.get(0)), null));
				}
				case TEXT -> {
					if (given.size() > 1) {
						throw new InvalidRequestException("survey.answer.oneOnly", question.number());
					}
					answers.add(new Answer(question.id(), null, null, text(question, given.get(0))));
				}
			}
		}
		return answers;
	}

	/** The option an id names, if it belongs to this question; anything else is refused. */
	private static SurveyQuestion.Option option(SurveyQuestion question, String value) {
		if (!value.matches("\\d{1,18}")) {
			throw new InvalidRequestException("survey.answer.unknownOption", question.number());
		}
		return question.option(Long.parseLong(value))
			.orElseThrow(() -> new InvalidRequestException("survey.answer.unknownOption", question.number()));
	}

	private static String text(SurveyQuestion question, String value) {
		String text = clean(value);
		if (text != null && text.length() > MAX_TEXT) {
			throw new InvalidRequestException("survey.answer.tooLong", question.number(), MAX_TEXT);
		}
		return text;
	}

	private static String clean(String value) {
		return TypedText.clean(value);
	}

	private void requireWithinLimit(String bucket, RateLimit limit) {
		Duration wait = rateLimiter.tryConsume(bucket, limit);
		if (!wait.isZero()) {
			throw new TooManyRequestsException(wait);
		}
	}

}
