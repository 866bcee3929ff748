package chengguan.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import chengguan.assessment.Rollups;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Journey 6: the leader opens the dashboard; the charts are drawn and the heat map shows where the cases are. */
class DashboardJourneyTest extends BrowserJourneys {

	/** True when some pixel of the element's canvas is painted. */
	private static final String PAINTED = """
			selector => {
			  const canvas = document.querySelector(selector);
			  if (!canvas) { return false; }
			  const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
			  for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] !== 0) { return true; } }
			  return false;
			}""";

	@Autowired
	Rollups rollups;

	@Test
	void theLeaderSeesTheChartsAndTheHeatMap() {
		// the scheduled refresh is off in tests; the demo reports go into the figures now
		rollups.refresh();

		BrowserContext desk = desktop();
		Page leader = signIn(desk, "leader");
		leader.click("a.nav-link:text('数据看板')");
		assertThat(leader.locator("h1")).containsText("数据看板");
		assertThat(leader.locator("#refreshed")).containsText("数据更新于");
		assertThat(leader.locator("#trend-chart canvas")).hasCount(1);
		assertThat(leader.locator("#category-chart canvas")).hasCount(1);
		leader.waitForFunction(PAINTED, "#trend-chart canvas");
		assertThat(leader.evaluate(PAINTED, "#category-chart canvas")).isEqualTo(true);
		// the heat map's cells arrive by fetch and are drawn as coloured rectangles over the map
		assertThat(leader.locator("#heat-map .leaflet-overlay-pane path").first()).isVisible();
		assertThat(leader.locator("#heat-total")).containsText("件有位置的案件");
		screenshot(leader, "6-leader-dashboard");
		desk.close();
	}

}
