package chengguan.engagement;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import chengguan.support.IntegrationTest;
import chengguan.support.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Results on a data set built by hand: 德仁 (兴仁街道) 12 sheets, 兴城花园 (兴城街道) 4, 锦绣园 none. Every figure
 * below is worked out in the comments, not read back from the code.
 */
@IntegrationTest
class SurveyResultsTest {

	static final String DEREN = "370471001001";

	static final String XINGCHENG = "370471002007";

	static final String JINXIU = "370471002008";

	@Autowired
	Surveys surveys;

	@Autowired
	SurveyAnswers answers;

	@Autowired
	SurveyResults results;

	@Autowired
	TestAccounts accounts;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	Survey survey;

	SurveyQuestion cleaning;

	SurveyQuestion greenery;

	SurveyQuestion topics;

	SurveyQuestion rating;

	SurveyQuestion remarks;

	@BeforeEach
	void aSurveyAnsweredByHand() {
		survey = surveys.createUnchecked(new SurveyDetails("结果测试问卷", null, surveys.today().minusDays(1),
				surveys.today().plusDays(5), List.of(id(DEREN), id(XINGCHENG), id(JINXIU)),
				List.of(new SurveyQuestionDraft(SurveyQuestionKind.SATISFACTION, "您对环卫保洁工作满意吗？", true, null),
						new SurveyQuestionDraft(SurveyQuestionKind.SATISFACTION, "您对绿化养护工作满意吗？", false, null),
						new SurveyQuestionDraft(SurveyQuestionKind.MULTIPLE_CHOICE, "您最关心哪些问题？", false,
								List.of("垃圾", "绿化", "停车")),
						new SurveyQuestionDraft(SurveyQuestionKind.RATING, "给我们打个分", false, null),
						new SurveyQuestionDraft(SurveyQuestionKind.TEXT, "还有哪些需要改进的地方？", false, null)),
				null), "test");
		cleaning = survey.questions().get(0);
		greenery = survey.questions().get(1);
		topics = survey.questions().get(2);
		rating = survey.questions().get(3);
		remarks = survey.questions().get(4);

		// 德仁: 7 满意, 2 基本满意, 3 不满意 on 环卫保洁; nobody answers 绿化养护
		for (int i = 0; i < 12; i++) {
			Map<String, List<String>> values = new HashMap<>();
			values.put(SurveySubmission.answerField(cleaning.id()),
					List.of(option(cleaning, i < 7 ? "满意" : i < 9 ? "基本满意" : "不满意")));
			if (i == 9) {
				values.put(SurveySubmission.reasonField(cleaning.id()), List.of("垃圾桶<满溢>没人管"));
			}
			if (i == 0 || i == 1) {
				values.put(SurveySubmission.answerField(topics.id()), List.of(option(topics, "垃圾"), option(topics, "绿化")));
			}
			if (i == 2) {
				values.put(SurveySubmission.answerField(topics.id()), List.of(option(topics, "垃圾")));
			}
			if (i == 3) {
				values.put(SurveySubmission.answerField(topics.id()), List.of(option(topics, "停车")));
			}
			if (i < 3) {
				values.put(SurveySubmission.answerField(rating.id()), List.of(new String[] { "5", "4", "2" }[i]));
			}
			if (i == 4) {
				values.put(SurveySubmission.answerField(remarks.id()), List.of("=1+1 <script>alert(1)</script>"));
			}
			submit(DEREN, values);
		}
		// 兴城花园: 1 满意, 3 不满意
		for (int i = 0; i < 4; i++) {
			submit(XINGCHENG, Map.of(SurveySubmission.answerField(cleaning.id()),
					List.of(option(cleaning, i == 0 ? "满意" : "不满意"))));
		}
	}

	@Test
	void satisfactionRateIsSatisfiedAndBasicallySatisfiedOverThoseWhoAnswered() {
		SurveyFigures figures = results.of(survey, accounts.principal("leader"));
		assertThat(figures.responses()).isEqualTo(16);
		SurveyFigures.QuestionFigures first = figures.questions().get(0);
		// (7 + 1 满意 + 2 基本满意) / 16 = 62.5 %
		assertThat(first.answered()).isEqualTo(16);
		assertThat(first.counts()).extracting(SurveyFigures.Count::count).containsExactly(8, 2, 6);
		assertThat(first.counts()).extracting(SurveyFigures.Count::percent)
			.containsExactly(new BigDecimal("50.0"), new BigDecimal("12.5"), new BigDecimal("37.5"));
		assertThat(first.satisfactionRate()).isEqualByComparingTo("62.5");
		assertThat(first.texts()).extracting(SurveyFigures.TextAnswer::text).containsExactly("垃圾桶<满溢>没人管");
		// nobody answered: no rate at all rather than 0 %
		SurveyFigures.QuestionFigures second = figures.questions().get(1);
		assertThat(second.answered()).isZero();
		assertThat(second.satisfactionRate()).isNull();
		assertThat(second.counts()).extracting(SurveyFigures.Count::percent).containsOnlyNulls();
		// 4 answered the multiple choice: 垃圾 3/4, 绿化 2/4, 停车 1/4
		SurveyFigures.QuestionFigures third = figures.questions().get(2);
		assertThat(third.answered()).isEqualTo(4);
		assertThat(third.counts()).extracting(SurveyFigures.Count::percent)
			.containsExactly(new BigDecimal("75.0"), new BigDecimal("50.0"), new BigDecimal("25.0"));
		// ratings 5, 4, 2: average 11 / 3 = 3.67; one 5 of three = 33.3 %
		SurveyFigures.QuestionFigures fourth = figures.questions().get(3);
		assertThat(fourth.averageRating()).isEqualByComparingTo("3.67");
		assertThat(fourth.counts().get(4).percent()).isEqualByComparingTo("33.3");
		assertThat(fourth.counts().get(0).count()).isZero();

		// per community: 德仁 9/12 = 75.0 %, 兴城花园 1/4 = 25.0 %, 锦绣园 nobody (—)
		assertThat(figures.communities()).extracting(c -> c.community().name())
			.containsExactly("德仁社区", "兴城花园社区", "锦绣园社区");
		assertThat(figures.communities()).extracting(SurveyFigures.CommunityFigures::responses).containsExactly(12, 4, 0);
		assertThat(figures.communities().get(0).rates()).containsExactly(new BigDecimal("75.0"), null);
		assertThat(figures.communities().get(0).overallRate()).isEqualByComparingTo("75.0");
		assertThat(figures.communities().get(1).overallRate()).isEqualByComparingTo("25.0");
		assertThat(figures.communities().get(2).overallRate()).isNull();
	}

	@Test
	void aLiaisonSeesOnlyTheCommunitiesOfTheirStreet() {
		SurveyFigures figures = results.of(survey, accounts.principal("xingren"));
		assertThat(figures.responses()).isEqualTo(12);
		assertThat(figures.questions().get(0).satisfactionRate()).isEqualByComparingTo("75.0");
		assertThat(figures.communities()).extracting(c -> c.community().name()).containsExactly("德仁社区");
		assertThat(figures.sheets()).hasSize(12);
	}

	@Test
	void theResultsPageShowsRatesAndDashesAndEscapesTheTexts() throws Exception {
		mvc.perform(get("/engagement/surveys/" + survey.id() + "/results").with(accounts.as("xingren")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("75.0%"), containsString("—"),
					containsString("=1+1 &lt;script&gt;alert(1)&lt;/script&gt;"), containsString("垃圾桶&lt;满溢&gt;没人管"),
					not(containsString("兴城花园社区")), not(containsString("<script>alert(1)")))));
	}

	@Test
	void theExportHasAFiguresSheetAndARawSheetThatReadBack() throws Exception {
		byte[] xlsx = mvc.perform(get("/engagement/surveys/" + survey.id() + "/results.xlsx").with(accounts.as("leader")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString(".xlsx")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet figures = workbook.getSheet(SurveyWorkbook.FIGURES_SHEET);
			assertThat(figures.getRow(0).getCell(0).getStringCellValue()).isEqualTo("结果测试问卷");
			assertThat(figures.getRow(1).getCell(0).getStringCellValue()).isEqualTo("答卷数：16");
			List<String> lines = lines(figures);
			assertThat(lines).containsSubsequence("1. 您对环卫保洁工作满意吗？", "作答人数|16", "选项|人数|占比（%）",
					"满意|8|50.0", "基本满意|2|12.5", "不满意|6|37.5", "满意率（%）||62.5");
			assertThat(lines).containsSubsequence("2. 您对绿化养护工作满意吗？", "作答人数|0", "选项|人数|占比（%）", "满意|0",
					"基本满意|0", "不满意|0", "满意率（%）");
			assertThat(lines).containsSubsequence("社区|答卷数|第 1 题|第 2 题|综合", "德仁社区|12|75.0||75.0",
					"兴城花园社区|4|25.0||25.0", "锦绣园社区|0");

			Sheet raw = workbook.getSheet(SurveyWorkbook.SHEETS_SHEET);
			assertThat(raw.getLastRowNum()).isEqualTo(16);
			Row head = raw.getRow(0);
			assertThat(head.getCell(3).getStringCellValue()).isEqualTo("1. 您对环卫保洁工作满意吗？");
			assertThat(head.getCell(4).getStringCellValue()).isEqualTo("1. 不满意的原因");
			// without 序号 and 提交时间: 社区, then per question its answer (and the reason after a satisfaction question)
			List<String> rows = new ArrayList<>();
			for (int r = 1; r <= raw.getLastRowNum(); r++) {
				String line = line(raw.getRow(r));
				rows.add(line.substring(line.indexOf('|', line.indexOf('|') + 1) + 1));
			}
			assertThat(rows).contains("德仁社区|满意||||垃圾、绿化|5", "德仁社区|不满意|垃圾桶<满溢>没人管",
					"德仁社区|满意||||||=1+1 <script>alert(1)</script>", "兴城花园社区|不满意");
			// a resident's "=1+1" stays text: no formula reaches the office's Excel
			for (Row row : raw) {
				row.forEach(cell -> assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA));
			}
		}
	}

	private static List<String> lines(Sheet sheet) {
		List<String> lines = new ArrayList<>();
		for (Row row : sheet) {
			lines.add(line(row));
		}
		return lines;
	}

	/** The row's cells joined with |, numbers without a trailing .0 unless they have a fraction. */
	private static String line(Row row) {
		List<String> cells = new ArrayList<>();
		for (int c = 0; c < row.getLastCellNum(); c++) {
			var cell = row.getCell(c);
			if (cell == null) {
				cells.add("");
			}
			else if (cell.getCellType() == CellType.NUMERIC) {
				double value = cell.getNumericCellValue();
				cells.add(value == Math.rint(value) && c < 2 ? Long.toString((long) value)
						: BigDecimal.valueOf(value).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString());
			}
			else {
				cells.add(cell.getStringCellValue());
			}
		}
		while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
			cells.remove(cells.size() - 1);
		}
		return String.join("|", cells);
	}

	private void submit(String community, Map<String, List<String>> values) {
		answers.submit(new SurveySubmission(survey.code(), community, SurveyDevice.newToken(), null, values));
	}

	private static String option(SurveyQuestion question, String label) {
		return Long.toString(question.options().stream().filter(o -> o.label().equals(label)).findFirst().orElseThrow().id());
	}

	private long id(String regionCode) {
		return jdbc.sql("SELECT id FROM region WHERE code = ?").param(regionCode).query(Long.class).single();
	}

}
