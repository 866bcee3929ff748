package chengguan.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resident on the phone sends a suggestion from 德仁社区's QR page and signs up for the demo 城管开放日; both
 * pages pass axe at phone width. The liaison's printable 一区一策 list shows what came in.
 */
class NeedsAndEventsJourneyTest extends BrowserJourneys {

	@Autowired
	JdbcClient jdbc;

	@Test
	void aResidentSendsASuggestionAndSignsUpForTheOpenDayOnThePhone() {
		BrowserContext phone = phoneForAudit();
		Page resident = phone.newPage();
		resident.navigate(url("/n/370471001001"));
		assertThat(resident.locator("h1")).containsText("德仁社区");
		assertThat(resident.locator("label[for=content]")).containsText("内容");
		assertThat(seriousAccessibilityViolations(resident)).isEmpty();
		screenshot(resident, "needs-public");

		resident.click("label:text('建议')");
		resident.fill("#content", "建议在德仁花园东门增设一处快递柜，减少快递车占道");
		resident.fill("#phone", "13912340000");
		resident.click("#submit-suggestion");
		assertThat(resident.locator("#submitted")).containsText("已收到");
		assertThat(seriousAccessibilityViolations(resident)).isEmpty();
		screenshot(resident, "needs-public-submitted");

		String code = jdbc.sql("SELECT code FROM publicity_event WHERE title = '城管开放日：走进兴仁中队' ORDER BY id LIMIT 1")
			.query(String.class).single();
		resident.navigate(url("/e/" + code));
		assertThat(resident.locator("h1")).containsText("城管开放日：走进兴仁中队");
		assertThat(resident.locator("#seats")).containsText("剩余");
		assertThat(seriousAccessibilityViolations(resident)).isEmpty();
		screenshot(resident, "event-signup");

		resident.fill("#name", "周敏");
		resident.fill("#phone", "139" + String.format("%08d", System.nanoTime() % 100_000_000));
		resident.click("#submit-signup");
		assertThat(resident.locator("#signed-up")).containsText("报名成功");
		assertThat(seriousAccessibilityViolations(resident)).isEmpty();
		screenshot(resident, "event-signup-done");
		phone.close();

		BrowserContext desk = desktop();
		Page liaison = signIn(desk, "xingren");
		long deren = jdbc.sql("SELECT id FROM region WHERE code = '370471001001'").query(Long.class).single();
		liaison.navigate(url("/engagement/needs/communities/" + deren + "/print"));
		assertThat(liaison.locator("#needs-print")).containsText("建议在德仁花园东门增设一处快递柜");
		assertThat(liaison.locator("#needs-print")).containsText("协调物业加装两盏庭院灯");
		screenshot(liaison, "needs-print");
		desk.close();
	}

}
