package chengguan.engagement;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import chengguan.support.IntegrationTest;
import chengguan.support.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The resident's survey page and everything it refuses; the office's survey pages. */
@IntegrationTest
class SurveyPagesTest {

	static final String DEREN = "370471001001";

	/** 附件1 of seed 000, typed from the seed (question 6 ends with an ASCII "?" there). */
	static final String ANNEX1_TITLE = "“城市管理进社区”活动满意度调查问卷";

	static final String ANNEX1_INTRO = "您好，非常感谢您在百忙之中接受我们的访问。您的回答将作为我们改进城市管理工作、提高服务水平的具有重要参考，谢谢！";

	static final List<String> ANNEX1_QUESTIONS = List.of("您对环卫保洁工作满意吗？", "您认为环卫保洁工作还有哪些需要改进的地方？",
			"您对绿化养护工作满意吗？", "您认为绿化养护工作还有哪些需要改进的地方？", "您对城管执法工作满意吗？",
			"您认为城管执法工作还有哪些需要改进的地方?", "您认为“城市管理进社区”活动还有哪些需要改进的地方？");

	private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

	@Autowired
	MockMvc mvc;

	@Autowired
	Surveys surveys;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theBuiltInTemplateIsAnnex1WordForWord() {
		Survey annex1 = surveys.annex1();
		assertThat(annex1.template()).isTrue();
		assertThat(annex1.builtIn()).isTrue();
		assertThat(annex1.title()).isEqualTo(ANNEX1_TITLE);
		assertThat(annex1.intro()).isEqualTo(ANNEX1_INTRO);
		assertThat(annex1.questions()).extracting(SurveyQuestion::text).containsExactlyElementsOf(ANNEX1_QUESTIONS);
		assertThat(annex1.questions()).extracting(SurveyQuestion::kind)
			.containsExactly(SurveyQuestionKind.SATISFACTION, SurveyQuestionKind.TEXT, SurveyQuestionKind.SATISFACTION,
					SurveyQuestionKind.TEXT, SurveyQuestionKind.SATISFACTION, SurveyQuestionKind.TEXT,
					SurveyQuestionKind.TEXT);
		assertThat(annex1.satisfactionQuestions()).allSatisfy(question -> {
			assertThat(question.required()).isTrue();
			assertThat(question.options()).extracting(SurveyQuestion.Option::label).containsExactly("满意", "基本满意", "不满意");
		});
	}

	@Test
	void theAnnex1PageShowsEveryQuestionOfTheSeedAndGivesTheDeviceAToken() throws Exception {
		Survey survey = annex1Survey();
		ResultActions page = mvc.perform(get(path(survey)).with(fromNewAddress()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(ANNEX1_TITLE), containsString(ANNEX1_INTRO),
					containsString("德仁社区"), containsString("A. 满意"), containsString("B. 基本满意"),
					containsString("C. 不满意"), containsString("不满意的原因："))))
			.andExpect(header().string("Set-Cookie", allOf(containsString(SurveyDevice.COOKIE + "="),
					containsString("HttpOnly"), containsString("Path=/s/"), containsString("SameSite=Lax"))));
		String html = page.andReturn().getResponse().getContentAsString();
		for (int i = 0; i < ANNEX1_QUESTIONS.size(); i++) {
			assertThat(html).as("question %d", i + 1).contains(ANNEX1_QUESTIONS.get(i));
		}
		assertThat(page.andReturn().getRequest().getSession(false)).as("no session for a resident").isNull();
		mvc.perform(get("/s/" + survey.code() + "/370471002007")).andExpect(status().isNotFound());
		mvc.perform(get("/s/NOSUCHCODE/" + DEREN)).andExpect(status().isNotFound());
	}

	@Test
	void aSecondAnswerFromTheSameDeviceIsRefusedInChinese() throws Exception {
		Survey survey = annex1Survey();
		Cookie device = new Cookie(SurveyDevice.COOKIE, SurveyDevice.newToken());
		RequestPostProcessor address = fromNewAddress();
		answer(survey, device, address, satisfied(survey)).andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl(path(survey) + "?done=1"));
		mvc.perform(get(path(survey) + "?done=1").cookie(device))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("提交成功，感谢您的参与")));
		mvc.perform(get(path(survey)).cookie(device))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("您已参与本次调查"), not(containsString("survey-form")))));
		answer(survey, device, address, satisfied(survey)).andExpect(status().isConflict())
			.andExpect(content().string(containsString("您已参与本次调查")));
		assertThat(responses(survey)).isEqualTo(1);
		// the token is stored only as its hash
		assertThat(jdbc.sql("SELECT device_hash FROM survey_response WHERE survey_id = ?").param(survey.id())
			.query(String.class).single()).hasSize(64).isNotEqualTo(device.getValue());

		answer(survey, new Cookie(SurveyDevice.COOKIE, SurveyDevice.newToken()), address, satisfied(survey))
			.andExpect(status().is3xxRedirection());
		assertThat(responses(survey)).isEqualTo(2);
	}

	@Test
	void answersBreakingTheLimitsComeBackWithTheReasonAndA4xx() throws Exception {
		Survey survey = annex1Survey();
		RequestPostProcessor address = fromNewAddress();
		Cookie device = new Cookie(SurveyDevice.COOKIE, SurveyDevice.newToken());
		List<SurveyQuestion> questions = survey.questions();
		String[] answers = satisfied(survey);

		// question 3 (绿化养护) left out
		answer(survey, device, address, answers[0], answers[1], answers[4], answers[5])
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("第 3 题为必答题，请作答后再提交。"), containsString("survey-form"))));
		// 501 characters in question 2; 500 would do
		answer(survey, device, address, with(answers, "q" + questions.get(1).id(), "改".repeat(501)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("第 2 题的回答不能超过 500 字。")));
		// an option of another question, and something that is no option at all
		String otherOption = Long.toString(questions.get(2).options().get(0).id());
		answer(survey, device, address, replacing(answers, "q" + questions.get(0).id(), otherOption))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("第 1 题的选项不属于本问卷")));
		answer(survey, device, address, replacing(answers, "q" + questions.get(0).id(), "1 OR 1=1"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("第 1 题的选项不属于本问卷")));
		// two answers to a single choice
		answer(survey, device, address, with(answers, "q" + questions.get(0).id(), optionId(questions.get(0), 1)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("第 1 题只能选一项。")));
		// no device token: the browser refused the cookie
		mvc.perform(post(path(survey)).params(params(answers)).with(address).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("请允许浏览器保存 Cookie")));
		assertThat(responses(survey)).isZero();

		// exactly 500 characters, with the reason for 不满意 kept
		answer(survey, device, address, with(replacing(with(answers, "q" + questions.get(1).id(), "改".repeat(500)),
				"q" + questions.get(0).id(), optionId(questions.get(0), 2)), "r" + questions.get(0).id(), "清扫不及时"))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("""
				SELECT a.answer_text FROM survey_answer a JOIN survey_response r ON r.id = a.response_id
				WHERE r.survey_id = ? AND a.question_id = ?""").params(survey.id(), questions.get(0).id())
			.query(String.class).single()).isEqualTo("清扫不及时");
	}

	@Test
	void aClosedOrNotYetOpenSurveyTakesNoAnswers() throws Exception {
		Survey closed = annex1Survey();
		surveys.close(closed.id(), accounts.principal("dispatcher"));
		Cookie device = new Cookie(SurveyDevice.COOKIE, SurveyDevice.newToken());
		mvc.perform(get(path(closed)).cookie(device))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("本次调查已结束"), not(containsString("survey-form")))));
		answer(closed, device, fromNewAddress(), satisfied(closed)).andExpect(status().isConflict())
			.andExpect(content().string(containsString("本次调查已结束")));

		Survey later = surveys.createUnchecked(surveys.fromTemplate(surveys.annex1(), surveys.today().plusDays(3),
				surveys.today().plusDays(9), List.of(regionId(DEREN))), "test");
		answer(later, device, fromNewAddress(), satisfied(later)).andExpect(status().isConflict())
			.andExpect(content().string(containsString("本次调查尚未开始")));
		assertThat(responses(closed) + responses(later)).isZero();
	}

	@Test
	void oneDeviceSendingOverAndOverIsSlowedDown() throws Exception {
		Survey survey = annex1Survey();
		Cookie device = new Cookie(SurveyDevice.COOKIE, SurveyDevice.newToken());
		for (int i = 0; i < 10; i++) {
			answer(survey, device, fromNewAddress()).andExpect(status().isBadRequest());
		}
		answer(survey, device, fromNewAddress(), satisfied(survey)).andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(content().string(containsString("提交过于频繁")));
	}

	@Test
	void theOfficeCreatesASurveyFromQuestionsAndPrintsItsQrCodes() throws Exception {
		String location = mvc.perform(post("/engagement/surveys").with(accounts.as("dispatcher")).with(csrf())
			.param("title", "垃圾分类满意度").param("intro", "<b>请</b>如实填写")
			.param("startDate", surveys.today().toString()).param("endDate", surveys.today().plusDays(7).toString())
			.param("communityIds", Long.toString(regionId(DEREN)))
			.param("questions[0].kind", "MULTIPLE_CHOICE").param("questions[0].text", "您家做垃圾分类吗？")
			.param("questions[0].required", "true").param("questions[0].options", "厨余垃圾\n可回收物\n有害垃圾")
			.param("questions[1].kind", "RATING").param("questions[1].text", "给分类工作打分")
			.param("questions[2].kind", "TEXT").param("questions[2].text", ""))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/engagement/surveys/*"))
			.andReturn().getResponse().getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		Survey survey = surveys.find(id).orElseThrow();
		assertThat(survey.questions()).extracting(SurveyQuestion::kind)
			.containsExactly(SurveyQuestionKind.MULTIPLE_CHOICE, SurveyQuestionKind.RATING);
		assertThat(survey.questions().get(0).options()).extracting(SurveyQuestion.Option::label)
			.containsExactly("厨余垃圾", "可回收物", "有害垃圾");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'SURVEY_CREATED' AND target_id = ?")
			.param(Long.toString(id)).query(Integer.class).single()).isEqualTo(1);

		mvc.perform(get(location).with(accounts.as("xingren")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("/s/" + survey.code() + "/" + DEREN),
					containsString("&lt;b&gt;请&lt;/b&gt;"), not(containsString("提前结束")))));
		mvc.perform(get(location).with(accounts.as("xingcheng"))).andExpect(status().isNotFound());

		byte[] png = mvc.perform(get(location + "/communities/" + DEREN + "/qr.png").with(accounts.as("dispatcher")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
		// the PNG is the bare code: reading it as such does not depend on finding it in a scene
		String decoded = new QRCodeReader()
			.decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
					java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE,
							com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE))
			.getText();
		assertThat(decoded).endsWith("/s/" + survey.code() + "/" + DEREN);
		byte[] pdf = mvc.perform(get(location + "/communities/" + DEREN + "/poster.pdf").with(accounts.as("dispatcher")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andReturn().getResponse().getContentAsByteArray();
		try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
			assertThat(text).contains("垃圾分类满意度", "德仁社区", "/s/" + survey.code() + "/" + DEREN);
		}
		mvc.perform(get(location + "/communities/370471002007/qr.png").with(accounts.as("dispatcher")))
			.andExpect(status().isNotFound());
	}

	@Test
	void theFormRefusesBadQuestionsAndOnlyTheOfficeMayCreate() throws Exception {
		mvc.perform(post("/engagement/surveys").with(accounts.as("dispatcher")).with(csrf())
			.param("title", "缺选项").param("startDate", surveys.today().toString())
			.param("endDate", surveys.today().plusDays(7).toString())
			.param("communityIds", Long.toString(regionId(DEREN)))
			.param("questions[0].kind", "SINGLE_CHOICE").param("questions[0].text", "只有一个选项？")
			.param("questions[0].options", "是"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("第 1 题（选择题）须有 2 至 20 个选项"),
					containsString("只有一个选项？"))));
		mvc.perform(get("/engagement/surveys/new").with(accounts.as("xingren"))).andExpect(status().isForbidden());
		mvc.perform(post("/engagement/surveys").param("title", "联络员不能建").with(accounts.as("xingren")).with(csrf()))
			.andExpect(status().isForbidden());
		long annex1 = surveys.annex1().id();
		mvc.perform(get("/engagement/surveys/new").param("template", Long.toString(annex1)).with(accounts.as("leader")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(ANNEX1_QUESTIONS.get(5)), containsString(ANNEX1_TITLE))));
	}

	@Test
	void theBuiltInTemplateCannotBeDeletedOrChanged() throws Exception {
		long annex1 = surveys.annex1().id();
		mvc.perform(post("/engagement/surveys/" + annex1 + "/delete").with(accounts.as("admin")).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("内置模板，不能删除")));
		mvc.perform(post("/engagement/surveys/" + annex1 + "/close").with(accounts.as("admin")).with(csrf()))
			.andExpect(status().isConflict());
		assertThat(surveys.find(annex1)).isPresent();
		assertThat(surveys.annex1().questions()).hasSize(7);
	}

	@Test
	void anAnsweredSurveyKeepsItsQuestionsAndCannotBeDeleted() throws Exception {
		Survey survey = annex1Survey();
		answer(survey, new Cookie(SurveyDevice.COOKIE, SurveyDevice.newToken()), fromNewAddress(), satisfied(survey))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/engagement/surveys/" + survey.id() + "/delete").with(accounts.as("dispatcher")).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("已有居民作答的调查不能删除")));
		mvc.perform(post("/engagement/surveys/" + survey.id()).with(accounts.as("dispatcher")).with(csrf())
			.param("title", "改题").param("version", Long.toString(survey.version()))
			.param("startDate", survey.startDate().toString()).param("endDate", survey.endDate().toString())
			.param("communityIds", Long.toString(regionId(DEREN)))
			.param("questions[0].kind", "TEXT").param("questions[0].text", "偷偷换掉的题目"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("已有居民作答，题目不能再修改")));
		assertThat(surveys.find(survey.id()).orElseThrow().questions()).hasSize(7);
		mvc.perform(get("/engagement/surveys/" + survey.id() + "/edit").with(accounts.as("dispatcher")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("已有居民作答，题目不能再修改。"),
					not(containsString("再加 3 题")))));
	}

	@Test
	void theListOffersTheTemplateAndTheDemoSurveyHasAnswers() throws Exception {
		mvc.perform(get("/engagement/surveys").with(accounts.as("leader")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(ANNEX1_TITLE), containsString("内置"),
					containsString("用此模板发起调查"))));
		mvc.perform(get("/engagement/surveys").with(accounts.as("xingren")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("用此模板发起调查"))));
		// the demo: 9 communities answering 2, 3, 4, 2, 3, 4, 2, 3, 4 times
		long demo = jdbc.sql("SELECT MIN(id) FROM survey WHERE is_template = FALSE AND created_by = 'admin'")
			.query(Long.class).single();
		// (德仁's may also hold the browser journey's answer when both share a PostgreSQL database)
		assertThat(jdbc.sql("""
				SELECT g.code, COUNT(*) FROM survey_response r JOIN region g ON g.id = r.community_id
				WHERE r.survey_id = ? AND g.code IN ('370471001002', '370471002008', '370471003009')
				GROUP BY g.code ORDER BY g.code""").param(demo)
			.query((rs, n) -> rs.getString(1) + "=" + rs.getInt(2)).list())
			.containsExactly("370471001002=3", "370471002008=3", "370471003009=4");
		assertThat(surveys.responses(demo)).isGreaterThanOrEqualTo(27);
		assertThat(surveys.find(demo).orElseThrow().communities()).hasSize(9);
	}

	// ---- helpers

	private Survey annex1Survey() {
		return surveys.createUnchecked(surveys.fromTemplate(surveys.annex1(), surveys.today().minusDays(1),
				surveys.today().plusDays(10), List.of(regionId(DEREN))), "test");
	}

	private static String path(Survey survey) {
		return "/s/" + survey.code() + "/" + DEREN;
	}

	/** name=value pairs answering every satisfaction question with 满意 and nothing else. */
	private static String[] satisfied(Survey survey) {
		List<SurveyQuestion> questions = survey.questions();
		return new String[] { "q" + questions.get(0).id(), optionId(questions.get(0), 0), "q" + questions.get(2).id(),
				optionId(questions.get(2), 0), "q" + questions.get(4).id(), optionId(questions.get(4), 0) };
	}

	private static String optionId(SurveyQuestion question, int index) {
		return Long.toString(question.options().get(index).id());
	}

	/** The pairs with the value of {@code name} replaced, or the pair added when the name is not there. */
	private static String[] replacing(String[] pairs, String name, String value) {
		String[] changed = pairs.clone();
		for (int i = 0; i + 1 < changed.length; i += 2) {
			if (changed[i].equals(name)) {
				changed[i + 1] = value;
				return changed;
			}
		}
		return with(changed, name, value);
	}

	/** The pairs with one more pair (a second value for a name that is already there adds to it). */
	private static String[] with(String[] pairs, String name, String value) {
		String[] more = java.util.Arrays.copyOf(pairs, pairs.length + 2);
		more[pairs.length] = name;
		more[pairs.length + 1] = value;
		return more;
	}

	private static org.springframework.util.MultiValueMap<String, String> params(String... pairs) {
		org.springframework.util.LinkedMultiValueMap<String, String> params = new org.springframework.util.LinkedMultiValueMap<>();
		for (int i = 0; i + 1 < pairs.length; i += 2) {
			params.add(pairs[i], pairs[i + 1]);
		}
		return params;
	}

	private ResultActions answer(Survey survey, Cookie device, RequestPostProcessor address, String... pairs)
			throws Exception {
		MockHttpServletRequestBuilder request = post(path(survey)).params(params(pairs)).cookie(device);
		return mvc.perform(request.with(address).with(csrf()));
	}

	private int responses(Survey survey) {
		return jdbc.sql("SELECT COUNT(*) FROM survey_response WHERE survey_id = ?").param(survey.id())
			.query(Integer.class).single();
	}

	private long regionId(String code) {
		return jdbc.sql("SELECT id FROM region WHERE code = ?").param(code).query(Long.class).single();
	}

	/** Each request its own client address, so that one test's per-address limit does not spill into another. */
	private static RequestPostProcessor fromNewAddress() {
		int n = ADDRESSES.getAndIncrement();
		return request -> {
			request.setRemoteAddr("10.77." + (n / 250) + "." + (n % 250 + 1));
			return request;
		};
	}

}
