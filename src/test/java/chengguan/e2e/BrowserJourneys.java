package chengguan.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The platform on a random port and Debian's Chromium driven by Playwright (no browser download: offline
 * machines). Without /usr/bin/chromium every journey is skipped with the reason; `.ci/run` installs it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class BrowserJourneys {

	static final Path CHROMIUM = Paths.get(System.getProperty("chengguan.e2e.chromium", "/usr/bin/chromium"));

	static final Path SCREENSHOTS = Paths.get("target", "e2e-screenshots");

	static Playwright playwright;

	static Browser browser;

	@LocalServerPort
	int port;

	@BeforeAll
	static void launch() {
		Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
				"Chromium is not installed at " + CHROMIUM + ": browser journeys skipped (apt-get install chromium)");
		playwright = Playwright.create(new Playwright.CreateOptions()
			.setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
			.setHeadless(true)
			.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
					"--disable-component-update", "--disable-sync")));
	}

	@AfterAll
	static void close() {
		if (browser != null) {
			browser.close();
		}
		if (playwright != null) {
			playwright.close();
		}
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	/** A phone: 390×844, touch, Chinese. Map tiles are refused (no internet here), the map still takes taps. */
	BrowserContext phone() {
		return phone(false);
	}

	/** The same phone, letting the test inject axe-core past the page's Content-Security-Policy. */
	BrowserContext phoneForAudit() {
		return phone(true);
	}

	private BrowserContext phone(boolean bypassCsp) {
		BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
			.setDeviceScaleFactor(2)
			.setIsMobile(true)
			.setHasTouch(true)
			.setLocale("zh-CN")
			.setBypassCSP(bypassCsp));
		context.route("**/*tile.openstreetmap.org/**", route -> route.abort());
		return context;
	}

	/** The phone, standing at a place, with the site allowed to read its position. */
	BrowserContext phoneAt(double latitude, double longitude) {
		BrowserContext context = phone(false);
		context.setGeolocation(new com.microsoft.playwright.options.Geolocation(latitude, longitude).setAccuracy(15));
		context.grantPermissions(List.of("geolocation"));
		return context;
	}

	BrowserContext desktop() {
		BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900)
			.setLocale("zh-CN"));
		context.route("**/*tile.openstreetmap.org/**", route -> route.abort());
		return context;
	}

	Page signIn(BrowserContext context, String username) {
		Page page = context.newPage();
		page.navigate(url("/login"));
		page.fill("#username", username);
		page.fill("#password", "Demo@2026");
		page.click("button[type=submit]");
		page.waitForURL(url("/"));
		return page;
	}

	static void screenshot(Page page, String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
	}

	/** axe-core's serious and critical violations of WCAG 2 A and AA on the current page, as readable lines. */
	@SuppressWarnings("unchecked")
	static List<String> seriousAccessibilityViolations(Page page) {
		page.addScriptTag(new Page.AddScriptTagOptions().setContent(axeSource()));
		Object result = page.evaluate("""
				async () => {
				  const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
				  return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
				    .map(v => v.id + ': ' + v.help + ' — ' + v.nodes.map(n => n.target.join(' ')).join(', '));
				}""");
		return (List<String>) result;
	}

	private static String axeSource() {
		try (InputStream in = BrowserJourneys.class
			.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException | NullPointerException ex) {
			throw new IllegalStateException("axe-core WebJar missing from the test classpath", ex);
		}
	}

}
