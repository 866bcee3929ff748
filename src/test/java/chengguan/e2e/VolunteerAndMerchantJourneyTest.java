package chengguan.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resident on a phone signs up as a citizen supervisor of 德仁社区, then looks at the community's 门前三包 board
 * (demo merchants): both pages pass axe-core's serious checks and are saved as screenshots.
 */
class VolunteerAndMerchantJourneyTest extends BrowserJourneys {

	@Test
	void aResidentSignsUpAsSupervisorAndReadsTheFrontageBoard() {
		BrowserContext phone = phoneForAudit();
		Page page = phone.newPage();
		page.navigate(url("/v/370471001001"));
		assertThat(page.locator("h1")).containsText("德仁社区");
		assertThat(seriousAccessibilityViolations(page)).isEmpty();
		screenshot(page, "volunteer-register");

		page.click("label:text('百姓监督员')");
		page.fill("#name", "浏览器测试居民");
		page.fill("#phone", "137" + String.format("%08d", System.nanoTime() % 100_000_000));
		page.fill("#skills", "熟悉小区情况，愿意随手拍");
		page.fill("#availability", "每天傍晚");
		// no consent ticked: the page comes back with the reason and keeps what was typed
		page.click("#submit-registration");
		assertThat(page.locator("#form-error")).containsText("请阅读并勾选同意");
		assertThat(page.locator("#name")).hasValue("浏览器测试居民");
		screenshot(page, "volunteer-register-error");
		page.check("#consent1");
		page.click("#submit-registration");
		assertThat(page.locator("#registered")).containsText("报名已提交");
		assertThat(seriousAccessibilityViolations(page)).isEmpty();
		screenshot(page, "volunteer-registered");

		page.navigate(url("/m/370471001001"));
		assertThat(page.locator("#ranking")).containsText("德仁便利店");
		assertThat(page.locator("#finest")).containsText("最美");
		assertThat(page.locator("main")).not().containsText("店主");
		assertThat(seriousAccessibilityViolations(page)).isEmpty();
		screenshot(page, "merchant-board");
		phone.close();
	}

}
