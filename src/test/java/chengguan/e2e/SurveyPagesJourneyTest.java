package chengguan.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resident answers the demo 附件1 survey of 德仁社区 on a phone: the questionnaire, a refusal for a missing
 * answer, the thanks, and "您已参与" on coming back. Each page passes axe; screenshots go to docs/screenshots.
 */
class SurveyPagesJourneyTest extends BrowserJourneys {

	@Autowired
	JdbcClient jdbc;

	@Test
	void aResidentAnswersTheAnnex1SurveyOnAPhoneOnce() {
		String code = jdbc.sql("SELECT code FROM survey WHERE is_template = FALSE AND created_by = 'admin' ORDER BY id")
			.query(String.class).list().get(0);
		BrowserContext context = phoneForAudit();
		Page page = context.newPage();
		page.navigate(url("/s/" + code + "/370471001001"));
		assertThat(page.locator("h1")).containsText("“城市管理进社区”活动满意度调查问卷");
		assertThat(page.locator("h1")).containsText("德仁社区");
		assertThat(page.locator("fieldset.survey-question")).hasCount(7);
		assertThat(page.locator("#question-6 legend")).containsText("您认为城管执法工作还有哪些需要改进的地方?");
		assertThat(seriousAccessibilityViolations(page)).isEmpty();
		screenshot(page, "survey-page");

		// nothing ticked: the page comes back with the reason
		page.click("#submit-survey");
		assertThat(page.locator("#form-error")).containsText("第 1 题为必答题");
		assertThat(seriousAccessibilityViolations(page)).isEmpty();
		screenshot(page, "survey-refused");

		page.click("#question-1 label:text-is('C. 不满意')");
		assertThat(page.locator("#question-1 .survey-reason")).isVisible();
		page.locator("#question-1 .survey-reason textarea").fill("垃圾桶周边清扫不及时");
		page.click("#question-3 label:text-is('A. 满意')");
		assertThat(page.locator("#question-3 .survey-reason")).isHidden();
		page.click("#question-5 label:text-is('B. 基本满意')");
		page.locator("#question-7 textarea").fill("希望多开展城管开放日活动");
		page.click("#submit-survey");
		assertThat(page.locator("#survey-outcome")).containsText("提交成功，感谢您的参与");
		assertThat(seriousAccessibilityViolations(page)).isEmpty();
		screenshot(page, "survey-thanks");

		page.navigate(url("/s/" + code + "/370471001001"));
		assertThat(page.locator("#survey-outcome")).containsText("您已参与本次调查");
		assertThat(page.locator("#survey-form")).hasCount(0);
		screenshot(page, "survey-already");
		context.close();
	}

}
