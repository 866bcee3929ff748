package chengguan.engagement;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import chengguan.organization.RegionLevel;
import chengguan.organization.RegionService;
import chengguan.organization.RegionView;
import chengguan.platform.PlatformProperties;
import chengguan.platform.audit.AuditAction;
import chengguan.platform.audit.AuditLog;
import chengguan.platform.security.Role;
import chengguan.platform.security.ScopeGuard;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.web.ConflictException;
import chengguan.platform.web.InvalidRequestException;
import chengguan.platform.web.NotFoundException;
import chengguan.platform.web.UserFacingException;

import static chengguan.platform.persistence.DbTime.instant;
import static chengguan.platform.persistence.DbTime.utc;

/**
 * 满意度调查: surveys made by the office from questions or from a template (附件1 is built in), answered through a
 * link per target community, seen by everyone whose scope reaches one of their communities.
 */
@Service
public class Surveys {

	static final int MAX_TITLE = 100;

	static final int MAX_INTRO = 2000;

	static final int MAX_QUESTIONS = 50;

	static final int MAX_QUESTION_TEXT = 500;

	static final int MAX_OPTIONS = 20;

	static final int MAX_OPTION_LABEL = 100;

	/** No 0/O or 1/I: the code may be read off a poster and typed. */
	private static final String CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

	private static final int CODE_LENGTH = 8;

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String COLUMNS = """
			id, code, title, intro, is_template, built_in, source, start_date, end_date, closed_at, created_by,
			created_at, version""";

	private final JdbcClient jdbc;

	private final RegionService regions;

	private final ScopeGuard scopeGuard;

	private final AuditLog auditLog;

	private final PlatformProperties platform;

	private final Clock clock;

	Surveys(JdbcClient jdbc, RegionService regions, ScopeGuard scopeGuard, AuditLog auditLog,
			PlatformProperties platform, Clock clock) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.scopeGuard = scopeGuard;
		this.auditLog = auditLog;
		this.platform = platform;
		this.clock = clock;
	}

	public LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), platform.timeZone());
	}

	public SurveyStatus status(Survey survey) {
		return survey.status(today());
	}

	// ---- templates

	@Transactional(readOnly = true)
	public List<Survey> templates() {
		return load("WHERE is_template = TRUE ORDER BY built_in DESC, id");
	}

	/** The built-in 附件1 questionnaire. */
	@Transactional(readOnly = true)
	public Survey annex1() {
		return load("WHERE built_in = TRUE").stream().findFirst().orElseThrow();
	}

	/** A new survey with the template's title, introduction and questions; the person adds period and communities. */
	public SurveyDetails fromTemplate(Survey template, LocalDate start, LocalDate end, List<Long> communityIds) {
		return new SurveyDetails(template.title(), template.intro(), start, end, communityIds,
				template.questions().stream().map(SurveyQuestionDraft::of).toList(), template.id());
	}

	// ---- creating and changing

	@Transactional
	public Survey create(SurveyDetails details, StaffPrincipal who) {
		requireOrganizer(who);
		List<RegionView> communities = check(details, true);
		for (RegionView community : communities) {
			scopeGuard.requireCovers(who, community.path(), "region", community.id());
		}
		long id = insert(details, communities, who.username());
		auditLog.record(AuditAction.SURVEY_CREATED, "survey", id, summary(details));
		return find(id).orElseThrow();
	}

	/** For demo data and tests: no role or scope check, no audit. */
	@Transactional
	public Survey createUnchecked(SurveyDetails details, String createdBy) {
		return find(insert(details, check(details, true), createdBy)).orElseThrow();
	}

	/**
	 * Changes title, introduction, period and communities; the questions too while nobody has answered (after
	 * that, answers would no longer match their questions).
	 */
	@Transactional
	public Survey update(long id, long seenVersion, SurveyDetails details, StaffPrincipal who) {
		Survey current = requireChangeable(id, who);
		boolean answered = responses(id) > 0;
		if (answered && details.questions() != null) {
			throw new ConflictException("survey.questions.answered");
		}
		List<RegionView> communities = check(details, details.questions() != null);
		for (RegionView community : communities) {
			scopeGuard.requireCovers(who, community.path(), "region", community.id());
		}
		if (answered) {
			Set<Long> kept = new HashSet<>(details.communityIds());
			long dropped = jdbc.sql("""
					SELECT COUNT(*) FROM survey_response WHERE survey_id = ? AND community_id NOT IN (:kept)""")
				.param(id)
				.param("kept", kept.isEmpty() ? List.of(-1L) : List.copyOf(kept))
				.query(Long.class)
				.single();
			if (dropped > 0) {
				throw new ConflictException("survey.communities.answered");
			}
		}
		int updated = jdbc.sql("""
				UPDATE survey SET title = ?, intro = ?, start_date = ?, end_date = ?, updated_by = ?, updated_at = ?,
				    version = version + 1
				WHERE id = ? AND version = ? AND is_template = FALSE""")
			.params(details.title().strip(), blankToNull(details.intro()), details.startDate(), details.endDate(),
					who.username(), utc(clock.instant()), id, seenVersion)
			.update();
		if (updated == 0) {
			throw new OptimisticLockingFailureException("survey " + id + " changed since it was read");
		}
		jdbc.sql("DELETE FROM survey_community WHERE survey_id = ?").param(id).update();
		insertCommunities(id, communities);
		if (details.questions() != null) {
			jdbc.sql("DELETE FROM survey_question WHERE survey_id = ?").param(id).update();
			insertQuestions(id, details.questions());
		}
		auditLog.record(AuditAction.SURVEY_UPDATED, "survey", current.id(), summary(details));
		return find(id).orElseThrow();
	}

	/** Stops taking answers now, before the end date. */
	@Transactional
	public Survey close(long id, StaffPrincipal who) {
		Survey survey = requireChangeable(id, who);
		if (survey.closedAt() == null) {
			jdbc.sql("UPDATE survey SET closed_at = ?, updated_by = ?, updated_at = ?, version = version + 1 WHERE id = ?")
				.params(utc(clock.instant()), who.username(), utc(clock.instant()), id)
				.update();
			auditLog.record(AuditAction.SURVEY_CLOSED, "survey", id, "title=" + survey.title());
		}
		return find(id).orElseThrow();
	}

	/** Deletes a survey nobody has answered yet; the built-in 附件1 template is never deleted. */
	@Transactional
	public void delete(long id, StaffPrincipal who) {
		requireOrganizer(who);
		Survey survey = get(id, who);
		if (survey.builtIn()) {
			throw new ConflictException("survey.builtIn.notDeletable");
		}
		if (!survey.template() && !survey.within(who.scope())) {
			throw new UserFacingException(HttpStatus.FORBIDDEN, "survey.edit.beyondScope");
		}
		if (responses(id) > 0) {
			throw new ConflictException("survey.delete.answered");
		}
		jdbc.sql("DELETE FROM survey WHERE id = ? AND built_in = FALSE").param(id).update();
		auditLog.record(AuditAction.SURVEY_DELETED, "survey", id, "title=" + survey.title());
	}

	private Survey requireChangeable(long id, StaffPrincipal who) {
		requireOrganizer(who);
		Survey survey = get(id, who);
		if (survey.template()) {
			throw new ConflictException(survey.builtIn() ? "survey.builtIn.notEditable" : "survey.template.notEditable");
		}
		if (!survey.within(who.scope())) {
			throw new UserFacingException(HttpStatus.FORBIDDEN, "survey.edit.beyondScope");
		}
		return survey;
	}

	private static void requireOrganizer(StaffPrincipal who) {
		if (!who.hasAnyRole(Role.ADMIN, Role.DISPATCHER, Role.LEADER)) {
			throw new UserFacingException(HttpStatus.FORBIDDEN, "error.forbidden");
		}
	}

	/** @return the target communities, checked */
	private List<RegionView> check(SurveyDetails details, boolean withQuestions) {
		String title = blankToNull(details.title());
		if (title == null) {
			throw new InvalidRequestException("survey.title.required");
		}
		if (title.length() > MAX_TITLE) {
			throw new InvalidRequestException("survey.title.tooLong", MAX_TITLE);
		}
		if (details.intro() != null && details.intro().strip().length() > MAX_INTRO) {
			throw new InvalidRequestException("survey.intro.tooLong", MAX_INTRO);
		}
		if (details.startDate() == null || details.endDate() == null) {
			throw new InvalidRequestException("survey.period.required");
		}
		if (details.endDate().isBefore(details.startDate())) {
			throw new InvalidRequestException("survey.period.endBeforeStart");
		}
		if (details.communityIds().isEmpty()) {
			throw new InvalidRequestException("survey.communities.required");
		}
		if (withQuestions) {
			checkQuestions(details.questions());
		}
		return details.communityIds()
			.stream()
			.distinct()
			.map(id -> regions.find(id)
				.filter(region -> region.level() == RegionLevel.COMMUNITY)
				.orElseThrow(() -> new InvalidRequestException("survey.community.unknown")))
			.toList();
	}

	private static void checkQuestions(List<SurveyQuestionDraft> questions) {
		if (questions == null || questions.isEmpty()) {
			throw new InvalidRequestException("survey.questions.required");
		}
		if (questions.size() > MAX_QUESTIONS) {
			throw new InvalidRequestException("survey.questions.tooMany", MAX_QUESTIONS);
		}
		for (int i = 0; i < questions.size(); i++) {
			SurveyQuestionDraft question = questions.get(i);
			int number = i + 1;
			String text = blankToNull(question.text());
			if (text == null) {
				throw new InvalidRequestException("survey.question.textRequired", number);
			}
			if (text.length() > MAX_QUESTION_TEXT) {
				throw new InvalidRequestException("survey.question.textTooLong", number, MAX_QUESTION_TEXT);
			}
			if (question.kind() == null) {
				throw new InvalidRequestException("survey.question.kindRequired", number);
			}
			if (question.kind().hasOwnOptions()) {
				List<String> options = question.options().stream().map(Surveys::blankToNull)
					.filter(java.util.Objects::nonNull).toList();
				if (options.size() < 2 || options.size() > MAX_OPTIONS) {
					throw new InvalidRequestException("survey.question.optionCount", number, MAX_OPTIONS);
				}
				if (options.stream().anyMatch(option -> option.length() > MAX_OPTION_LABEL)) {
					throw new InvalidRequestException("survey.question.optionTooLong", number, MAX_OPTION_LABEL);
				}
				if (new HashSet<>(options).size() != options.size()) {
					throw new InvalidRequestException("survey.question.optionRepeated", number);
				}
			}
		}
	}

	private long insert(SurveyDetails details, List<RegionView> communities, String createdBy) {
		long id = 0;
		for (int attempt = 0; id == 0; attempt++) {
			String code = newCode();
			boolean taken = jdbc.sql("SELECT COUNT(*) FROM survey WHERE code = ?").param(code).query(Integer.class)
				.single() > 0;
			if (taken && attempt < 5) {
				continue;
			}
			GeneratedKeyHolder keys = new GeneratedKeyHolder();
			jdbc.sql("""
					INSERT INTO survey (code, title, intro, start_date, end_date, created_by, created_at)
					VALUES (?, ?, ?, ?, ?, ?, ?)""")
				.params(code, details.title().strip(), blankToNull(details.intro()), details.startDate(),
						details.endDate(), createdBy, utc(clock.instant()))
				.update(keys, "id");
			id = keys.getKeyAs(Number.class).longValue();
		}
		insertCommunities(id, communities);
		insertQuestions(id, details.questions());
		return id;
	}

	private static String newCode() {
		StringBuilder code = new StringBuilder(CODE_LENGTH);
		for (int i = 0; i < CODE_LENGTH; i++) {
			code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
		}
		return code.toString();
	}

	private void insertCommunities(long id, List<RegionView> communities) {
		for (RegionView community : communities) {
			jdbc.sql("INSERT INTO survey_community (survey_id, region_id, region_path) VALUES (?, ?, ?)")
				.params(id, community.id(), community.path())
				.update();
		}
	}

	private void insertQuestions(long surveyId, List<SurveyQuestionDraft> questions) {
		for (int i = 0; i < questions.size(); i++) {
			SurveyQuestionDraft question = questions.get(i);
			GeneratedKeyHolder keys = new GeneratedKeyHolder();
			jdbc.sql("""
					INSERT INTO survey_question (survey_id, sort_order, kind, question_text, required)
					VALUES (?, ?, ?, ?, ?)""")
				.params(surveyId, i + 1, question.kind().name(), question.text().strip(), question.required())
				.update(keys, "id");
			long questionId = keys.getKeyAs(Number.class).longValue();
			if (question.kind() == SurveyQuestionKind.SATISFACTION) {
				for (SurveySatisfaction level : SurveySatisfaction.values()) {
					insertOption(questionId, level.ordinal() + 1, level.label(), level.name());
				}
			}
			else if (question.kind().hasOwnOptions()) {
				int position = 1;
				for (String option : question.options()) {
					if (blankToNull(option) != null) {
						insertOption(questionId, position++, option.strip(), null);
					}
				}
			}
		}
	}

	private void insertOption(long questionId, int position, String label, String satisfaction) {
		jdbc.sql("INSERT INTO survey_option (question_id, sort_order, label, satisfaction) VALUES (?, ?, ?, ?)")
			.params(questionId, position, label, satisfaction)
			.update();
	}

	private static String summary(SurveyDetails details) {
		return "title=" + details.title().strip() + " period=" + details.startDate() + "/" + details.endDate()
				+ " communities=" + details.communityIds()
				+ (details.questions() == null ? "" : " questions=" + details.questions().size());
	}

	// ---- reading

	@Transactional(readOnly = true)
	public Optional<Survey> find(long id) {
		return load("WHERE id = ?", id).stream().findFirst();
	}

	/** The survey, if a community of it lies inside the person's scope (templates: always); otherwise 404. */
	@Transactional(readOnly = true)
	public Survey get(long id, StaffPrincipal who) {
		Survey survey = find(id).orElseThrow(NotFoundException::new);
		if (!survey.meets(who.scope())) {
			scopeGuard.requireCovers(who,
					survey.communities().isEmpty() ? "" : survey.communities().get(0).regionPath(), "survey", id);
		}
		return survey;
	}

	public static final int PAGE_SIZE = 50;

	/** The survey list page: every template, and one page of the surveys reaching into the person's scope. */
	public record SurveyPage(List<Survey> templates, List<Survey> surveys, boolean hasNext) {
	}

	/**
	 * {@link #templates()} and one page of {@link #visible(StaffPrincipal)} read together, so the list costs one
	 * load (4 statements) whatever the number of surveys; the scope is checked in SQL so that the page is exact.
	 */
	@Transactional(readOnly = true)
	public SurveyPage listPage(StaffPrincipal who, int page) {
		List<Survey> found = load("""
				WHERE is_template = TRUE OR id IN (SELECT id FROM (SELECT s.id FROM survey s
				    WHERE s.is_template = FALSE AND EXISTS (SELECT 1 FROM survey_community sc
				        WHERE sc.survey_id = s.id AND sc.region_path LIKE ?)
				    ORDER BY s.start_date DESC, s.id DESC LIMIT\s""" + (PAGE_SIZE + 1) + " OFFSET "
				+ (long) Math.max(page, 0) * PAGE_SIZE + """
				) one_page)
				ORDER BY start_date DESC, id DESC""", who.scope().pathPattern());
		List<Survey> templates = found.stream()
			.filter(Survey::template)
			.sorted(java.util.Comparator.comparing((Survey survey) -> !survey.builtIn()).thenComparing(Survey::id))
			.toList();
		List<Survey> surveys = found.stream().filter(survey -> !survey.template()).toList();
		boolean hasNext = surveys.size() > PAGE_SIZE;
		return new SurveyPage(templates, hasNext ? surveys.subList(0, PAGE_SIZE) : surveys, hasNext);
	}

	/** Surveys reaching into the person's scope, latest start first. */
	@Transactional(readOnly = true)
	public List<Survey> visible(StaffPrincipal who) {
		return load("WHERE is_template = FALSE ORDER BY start_date DESC, id DESC").stream()
			.filter(survey -> survey.meets(who.scope()))
			.toList();
	}

	/** The survey behind a public address and the community it names, or 404. */
	@Transactional(readOnly = true)
	public Optional<SurveyPlace> forAnswering(String surveyCode, String communityCode) {
		if (surveyCode == null || !surveyCode.matches("[0-9A-Za-z]{1,16}") || communityCode == null
				|| !communityCode.matches("[0-9A-Za-z]{1,32}")) {
			return Optional.empty();
		}
		return load("WHERE code = ? AND is_template = FALSE", surveyCode.toUpperCase(java.util.Locale.ROOT)).stream()
			.findFirst()
			.flatMap(survey -> survey.community(communityCode).map(community -> new SurveyPlace(survey, community)));
	}

	/** A survey with the community whose link was opened. */
	public record SurveyPlace(Survey survey, Survey.Community community) {
	}

	/** Responses so far, all communities. */
	@Transactional(readOnly = true)
	public int responses(long surveyId) {
		return jdbc.sql("SELECT COUNT(*) FROM survey_response WHERE survey_id = ?").param(surveyId)
			.query(Integer.class).single();
	}

	private List<Survey> load(String where, Object... params) {
		record Row(long id, String code, String title, String intro, boolean template, boolean builtIn,
				String source, LocalDate start, LocalDate end, Instant closedAt, String createdBy, Instant createdAt,
				long version) {
		}
		List<Row> rows = jdbc.sql("SELECT " + COLUMNS + " FROM survey " + where)
			.params(params)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getBoolean(5), rs.getBoolean(6), rs.getString(7), rs.getObject(8, LocalDate.class),
					rs.getObject(9, LocalDate.class), instant(rs, 10), rs.getString(11), instant(rs, 12),
					rs.getLong(13)))
			.list();
		if (rows.isEmpty()) {
			return List.of();
		}
		List<Long> ids = rows.stream().map(Row::id).toList();
		Map<Long, List<Survey.Community>> communities = new HashMap<>();
		jdbc.sql("""
				SELECT sc.survey_id, sc.region_id, r.code, r.name, sc.region_path
				FROM survey_community sc JOIN region r ON r.id = sc.region_id
				WHERE sc.survey_id IN (:ids) ORDER BY sc.region_path""")
			.param("ids", ids)
			.query((rs, n) -> Map.entry(rs.getLong(1),
					new Survey.Community(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5))))
			.list()
			.forEach(entry -> communities.computeIfAbsent(entry.getKey(), key -> new ArrayList<>()).add(entry.getValue()));
		Map<Long, List<SurveyQuestion.Option>> options = new HashMap<>();
		jdbc.sql("""
				SELECT o.question_id, o.id, o.label, o.satisfaction
				FROM survey_option o JOIN survey_question q ON q.id = o.question_id
				WHERE q.survey_id IN (:ids) ORDER BY o.question_id, o.sort_order""")
			.param("ids", ids)
			.query((rs, n) -> Map.entry(rs.getLong(1), new SurveyQuestion.Option(rs.getLong(2), rs.getString(3),
					rs.getString(4) == null ? null : SurveySatisfaction.valueOf(rs.getString(4)))))
			.list()
			.forEach(entry -> options.computeIfAbsent(entry.getKey(), key -> new ArrayList<>()).add(entry.getValue()));
		Map<Long, List<SurveyQuestion>> questions = new HashMap<>();
		jdbc.sql("""
				SELECT survey_id, id, sort_order, kind, question_text, required FROM survey_question
				WHERE survey_id IN (:ids) ORDER BY survey_id, sort_order""")
			.param("ids", ids)
			.query((rs, n) -> Map.entry(rs.getLong(1),
					new SurveyQuestion(rs.getLong(2), rs.getInt(3), SurveyQuestionKind.valueOf(rs.getString(4)),
							rs.getString(5), rs.getBoolean(6), options.getOrDefault(rs.getLong(2), List.of()))))
			.list()
			.forEach(entry -> questions.computeIfAbsent(entry.getKey(), key -> new ArrayList<>()).add(entry.getValue()));
		return rows.stream()
			.map(row -> new Survey(row.id(), row.code(), row.title(), row.intro(), row.template(), row.builtIn(),
					row.source(), row.start(), row.end(), row.closedAt(), questions.getOrDefault(row.id(), List.of()),
					communities.getOrDefault(row.id(), List.of()), row.createdBy(), row.createdAt(), row.version()))
			.toList();
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
