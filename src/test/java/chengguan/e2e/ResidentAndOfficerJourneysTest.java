package chengguan.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import chengguan.support.TestImages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Journeys 1–4 and 7 of the browser issue: a resident reports at phone width; the dispatcher accepts, registers
 * and dispatches; the handler handles with a photo and reports back; the dispatcher closes; the resident is not
 * satisfied and the case is back in handling with the reason; a street user cannot open another street's case.
 */
class ResidentAndOfficerJourneysTest extends BrowserJourneys {

	private static final Pattern TRACKING_CODE = Pattern.compile("[0-9A-HJKMNP-TV-Z]{10}");

	@Autowired
	JdbcClient jdbc;

	@Test
	void aReportGoesRoundTheWholeLoopAndAnUnhappyResidentSendsItBack() throws Exception {
		Path photo = Files.createTempFile("scene", ".jpg");
		Files.write(photo, TestImages.jpegWithExif(320, 240, 1));

		// 1. the resident, at phone width, from the QR code on the notice board
		BrowserContext residentPhone = phone();
		Page resident = residentPhone.newPage();
		resident.navigate(url("/r/370471001002"));
		assertThat(resident.locator("h1")).containsText("光明社区");
		resident.click(".category-chip[data-code='E0503']");
		assertThat(resident.locator("#categoryCode")).hasValue("E0503");
		resident.fill("#description", "光明路口有人长期堆放建材，占了半条人行道");
		resident.setInputFiles("#photos", photo);
		assertThat(resident.locator("#photo-previews img")).hasCount(1);
		resident.locator("#map").click();
		assertThat(resident.locator("#position-status")).containsText("已选位置");
		resident.fill("#address", "光明路与兴仁路口");
		screenshot(resident, "1-resident-report");
		resident.click("#submit-report");
		resident.waitForURL(Pattern.compile(".*/t/[0-9A-Z]{10}\\?submitted"));
		assertThat(resident.locator(".alert-success")).containsText("提交成功");
		String code = resident.locator("#tracking-code").innerText().strip();
		assertThat(code).matches(TRACKING_CODE);
		assertThat(resident.locator("#report-status")).hasText("待受理");
		screenshot(resident, "1-resident-status");

		// 2. the dispatcher finds it in 待受理, accepts, registers and dispatches to a department
		BrowserContext dispatcherDesk = desktop();
		Page dispatcher = signIn(dispatcherDesk, "dispatcher");
		dispatcher.navigate(url("/cases?inbox=TO_ACCEPT"));
		dispatcher.click("a:text('" + code + "')");
		assertThat(dispatcher.locator("#case-state")).hasText("待受理");
		dispatcher.click("form[action$='/actions/ACCEPT'] button");
		assertThat(dispatcher.locator("#case-state")).hasText("已受理");
		dispatcher.click("form[action$='/actions/REGISTER'] button");
		assertThat(dispatcher.locator("#case-state")).hasText("已立案");
		dispatcher.selectOption("form[action$='/actions/DISPATCH'] select[name=unitId]", new com.microsoft.playwright.options.SelectOption().setLabel("市容环卫服务中心"));
		dispatcher.click("form[action$='/actions/DISPATCH'] button");
		assertThat(dispatcher.locator("#case-state")).hasText("已派遣");
		String caseUrl = dispatcher.url();
		screenshot(dispatcher, "2-dispatcher-dispatched");

		// 3. the handler sees it in 我的待办, starts, and reports back with a photo
		long unit = jdbc.sql("SELECT id FROM org_unit WHERE name = '市容环卫服务中心'").query(Long.class).single();
		String handlerName = "e2e-handler-" + System.nanoTime() % 100_000;
		linkHandlerTo(handlerName, unit);
		BrowserContext handlerDesk = desktop();
		Page handler = handlerDesk.newPage();
		handler.navigate(url("/login"));
		handler.fill("#username", handlerName);
		handler.fill("#password", chengguan.support.TestAccounts.PASSWORD);
		handler.click("button[type=submit]");
		handler.waitForURL(url("/"));
		handler.navigate(url("/cases?inbox=MINE"));
		assertThat(handler.locator("#case-results")).containsText(code);
		handler.click("a:text('" + code + "')");
		handler.click("form[action$='/actions/START'] button");
		assertThat(handler.locator("#case-state")).hasText("处置中");
		handler.fill("form[action$='/actions/FEEDBACK_DONE'] input[name=note]", "建材已清运，人行道已恢复通行");
		handler.setInputFiles("form[action$='/actions/FEEDBACK_DONE'] input[type=file]", photo);
		handler.click("form[action$='/actions/FEEDBACK_DONE'] button");
		assertThat(handler.locator("#case-state")).hasText("已反馈待核查");
		assertThat(handler.locator("#case-panel img[alt='办理照片']")).hasCount(1);
		screenshot(handler, "3-handler-feedback");

		// 4. the dispatcher verifies and closes; the resident is not satisfied; back to handling, with why
		dispatcher.navigate(caseUrl);
		dispatcher.click("form[action$='/actions/VERIFY_PASS'] button");
		assertThat(dispatcher.locator("#case-state")).hasText("已结案待评价");
		resident.navigate(url("/t/" + code));
		assertThat(resident.locator(".timeline")).containsText("处理结果：建材已清运，人行道已恢复通行");
		resident.check("#rating-DISSATISFIED");
		resident.fill("#comment", "路口还剩一堆碎砖没有清");
		resident.click("form[action$='/rating'] button");
		assertThat(resident.locator(".alert-success")).containsText("感谢您的评价");
		dispatcher.navigate(caseUrl);
		assertThat(dispatcher.locator("#case-state")).hasText("处置中");
		assertThat(dispatcher.locator("#case-panel")).containsText("返工 1 次");
		assertThat(dispatcher.locator("#case-panel")).containsText("居民评价：不满意，路口还剩一堆碎砖没有清");
		screenshot(dispatcher, "4-dispatcher-rework");

		// 7. another street's user types the case's address: a refusal page, not the case
		BrowserContext otherDesk = desktop();
		Page other = signIn(otherDesk, "xingcheng");
		com.microsoft.playwright.Response refused = other.navigate(caseUrl);
		assertThat(refused.status()).isEqualTo(404);
		assertThat(other.locator("main")).containsText("页面不存在，或您无权查看该内容");
		assertThat(other.content()).doesNotContain(code).doesNotContain("光明路口有人长期堆放建材");
		screenshot(other, "7-other-street-refused");

		residentPhone.close();
		dispatcherDesk.close();
		handlerDesk.close();
		otherDesk.close();
	}

	/**
	 * What a resident typed survives a page that never reached the server (503 while the database is down, a lost
	 * connection): it is back when the form opens again, with the same idempotency key, until the report is received.
	 */
	@Test
	void aResidentsUnsentTextComesBackUntilTheReportIsReceived() {
		BrowserContext residentPhone = phone();
		Page resident = residentPhone.newPage();
		resident.navigate(url("/r/370471001003"));
		resident.click(".category-chip[data-code='E0101']");
		resident.fill("#description", "小区门口的垃圾桶满了两天没人清运");
		resident.fill("#address", "天安路 8 号门口");
		String key = resident.locator("#idempotencyKey").inputValue();

		resident.navigate(url("/r/370471001003"));
		assertThat(resident.locator("#draft-restored")).containsText("已恢复");
		assertThat(resident.locator("#description")).hasValue("小区门口的垃圾桶满了两天没人清运");
		assertThat(resident.locator("#address")).hasValue("天安路 8 号门口");
		assertThat(resident.locator("#categoryCode")).hasValue("E0101");
		assertThat(resident.locator("#idempotencyKey")).hasValue(key);

		resident.click("#submit-report");
		resident.waitForURL(Pattern.compile(".*/t/[0-9A-Z]{10}\\?submitted"));
		resident.navigate(url("/r/370471001003"));
		assertThat(resident.locator("#description")).hasValue("");
		assertThat(resident.locator("#draft-restored")).hasCount(0);
		residentPhone.close();
	}

	@Test
	void residentPagesPassAxeAndKeepTextReadableOnAPhone() {
		BrowserContext context = phoneForAudit();
		Page page = context.newPage();
		page.navigate(url("/r/370471001001"));
		assertThat(seriousAccessibilityViolations(page)).isEmpty();
		Number bodyFont = (Number) page.evaluate("() => parseFloat(getComputedStyle(document.body).fontSize)");
		assertThat(bodyFont.doubleValue()).isGreaterThanOrEqualTo(16);
		Number smallest = (Number) page.evaluate("""
				() => Math.min(...[...document.querySelectorAll('main label, main p, main .form-text, main button')]
				  .filter(e => e.offsetParent !== null).map(e => parseFloat(getComputedStyle(e).fontSize)))""");
		assertThat(smallest.doubleValue()).isGreaterThanOrEqualTo(15);
		// keyboard: tabbing from the top reaches the description box and the submit button
		page.keyboard().press("Tab");
		for (int i = 0; i < 60 && !"submit-report".equals(page.evaluate("() => document.activeElement.id")); i++) {
			page.keyboard().press("Tab");
		}
		assertThat(page.evaluate("() => document.activeElement.id")).isEqualTo("submit-report");

		page.navigate(url("/public/communities/370471001001"));
		assertThat(seriousAccessibilityViolations(page)).isEmpty();
		context.close();
	}

	/** A handler account for a staff member of the unit the journey dispatches to. */
	private void linkHandlerTo(String username, long unitId) {
		org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("INSERT INTO staff (name, unit_id, position_title, phone) VALUES ('环卫处置员', ?, '处置员', ?)")
			.params(unitId, "13800008" + String.format("%03d", System.nanoTime() % 1000))
			.update(keys, "id");
		long staffId = keys.getKeyAs(Number.class).longValue();
		long region = jdbc.sql("SELECT id FROM region WHERE code = '370471'").query(Long.class).single();
		accounts.createWithChosenPassword(new chengguan.account.NewAccount(username, "环卫处置员", staffId, region,
				java.util.Set.of(chengguan.platform.security.Role.HANDLER)), chengguan.support.TestAccounts.PASSWORD);
	}

	@Autowired
	chengguan.account.AccountService accounts;

}
