package chengguan.engagement.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import chengguan.engagement.Survey;
import chengguan.engagement.SurveyAnswers;
import chengguan.engagement.SurveyDevice;
import chengguan.engagement.SurveyQuestion;
import chengguan.engagement.SurveyQuestionKind;
import chengguan.engagement.SurveySatisfaction;
import chengguan.engagement.SurveySubmission;
import chengguan.engagement.Surveys;
import chengguan.organization.RegionService;
import chengguan.organization.RegionView;

/**
 * A running 附件1 survey over the demo district's communities with 2, 3 or 4 answers each (27 in all, by community
 * code), so that the results page has figures on first run. Demo profile only, once.
 */
@Component
@Profile("demo")
@Order(50)
class SurveyDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(SurveyDemo.class);

	/** Answer patterns, one letter per satisfaction question: S 满意, B 基本满意, D 不满意. */
	private static final List<String> PATTERNS = List.of("SSB", "SBS", "BSD", "SSS", "DBS", "SBB", "BBS");

	private static final List<String> IMPROVEMENTS = List.of("垃圾桶周边清扫再勤一些", "小区门口的绿化带缺苗，希望补种",
			"执法时态度很好，希望多宣传政策", "晚上路边摊油烟较大");

	private final Surveys surveys;

	private final SurveyAnswers answers;

	private final RegionService regions;

	private final JdbcClient jdbc;

	SurveyDemo(Surveys surveys, SurveyAnswers answers, RegionService regions, JdbcClient jdbc) {
		this.surveys = surveys;
		this.answers = answers;
		this.regions = regions;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (jdbc.sql("SELECT COUNT(*) FROM survey WHERE is_template = FALSE").query(Integer.class).single() > 0) {
			return;
		}
		RegionView district = regions.findByCode("370471").orElse(null);
		if (district == null) {
			return;
		}
		List<RegionView> communities = regions
			.communities(new chengguan.platform.security.DataScope(district.id(), district.path(), district.name()))
			.stream()
			.sorted(java.util.Comparator.comparing(RegionView::code))
			.toList();
		Survey survey = surveys.createUnchecked(surveys.fromTemplate(surveys.annex1(), surveys.today().minusDays(10),
				surveys.today().plusDays(20), communities.stream().map(RegionView::id).toList()), "admin");
		List<SurveyQuestion> satisfaction = survey.satisfactionQuestions();
		List<SurveyQuestion> texts = survey.questions()
			.stream()
			.filter(question -> question.kind() == SurveyQuestionKind.TEXT)
			.toList();
		int sent = 0;
		for (int c = 0; c < communities.size(); c++) {
			Survey.Community community = survey.community(communities.get(c).code()).orElseThrow();
			for (int n = 0; n < 2 + c % 3; n++) {
				String pattern = PATTERNS.get((c + n) % PATTERNS.size());
				Map<String, List<String>> values = new HashMap<>();
				for (int q = 0; q < satisfaction.size(); q++) {
					SurveyQuestion question = satisfaction.get(q);
					SurveySatisfaction level = switch (pattern.charAt(q)) {
						case 'S' -> SurveySatisfaction.SATISFIED;
						case 'B' -> SurveySatisfaction.BASICALLY_SATISFIED;
						default -> SurveySatisfaction.DISSATISFIED;
					};
					SurveyQuestion.Option option = question.options()
						.stream()
						.filter(candidate -> candidate.satisfaction() == level)
						.findFirst()
						.orElseThrow();
					values.put(SurveySubmission.answerField(question.id()), List.of(Long.toString(option.id())));
					if (level == SurveySatisfaction.DISSATISFIED) {
						values.put(SurveySubmission.reasonField(question.id()), List.of("处理问题不够及时"));
					}
				}
				if ((c + n) % 2 == 0 && !texts.isEmpty()) {
					values.put(SurveySubmission.answerField(texts.get((c + n) % texts.size()).id()),
							List.of(IMPROVEMENTS.get((c + n) % IMPROVEMENTS.size())));
				}
				answers.submit(new SurveySubmission(survey.code(), community.code(), SurveyDevice.newToken(), null,
						values));
				sent++;
			}
		}
		log.info("Demo data: survey {} with {} answers", survey.title(), sent);
	}

}
