package chengguan.platform.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import chengguan.platform.security.Role;
import chengguan.support.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Static files over a real Tomcat (compression happens there, not in MockMvc): pages link content-versioned
 * addresses, those are cached for a year and sent gzip-compressed; pages with personal data stay {@code no-store}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StaticFilesTest {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	@Test
	void pagesLinkContentVersionedAssetsThatAreCachedForAYearAndSentGzipped() throws Exception {
		String page = getString("/login").body();
		Matcher css = Pattern.compile("/css/app-([0-9a-f]{32})\\.css").matcher(page);
		assertThat(css.find()).as("the layout links app.css by its content hash: %s", page).isTrue();
		assertThat(page).doesNotContain("\"/css/app.css\"");
		Matcher bootstrap = Pattern.compile("/webjars/bootstrap/\\d+\\.\\d+\\.\\d+/css/bootstrap\\.min\\.css").matcher(page);
		assertThat(bootstrap.find()).as("WebJars keep their versioned path").isTrue();

		HttpResponse<byte[]> asset = get(css.group(), true);
		assertThat(asset.statusCode()).isEqualTo(200);
		assertThat(asset.headers().firstValue("Cache-Control").orElse(""))
			.contains("max-age=31536000", "public", "immutable")
			.doesNotContain("no-store");
		assertThat(asset.headers().firstValue("Content-Encoding")).hasValue("gzip");
		String text = new String(new GZIPInputStream(new ByteArrayInputStream(asset.body())).readAllBytes(),
				StandardCharsets.UTF_8);
		assertThat(text).isEqualTo(new String(getClass().getResourceAsStream("/static/css/app.css").readAllBytes(),
				StandardCharsets.UTF_8));

		HttpResponse<byte[]> webjar = get(bootstrap.group(), true);
		assertThat(webjar.statusCode()).isEqualTo(200);
		assertThat(webjar.headers().firstValue("Cache-Control").orElse("")).contains("max-age=31536000", "immutable");
		assertThat(webjar.headers().firstValue("Content-Encoding")).hasValue("gzip");

		// without Accept-Encoding the same file comes uncompressed
		HttpResponse<byte[]> plain = get(css.group(), false);
		assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(new String(plain.body(), StandardCharsets.UTF_8)).isEqualTo(text);
	}

	@Test
	void pagesWithPersonalDataAreStillNeverStored() throws Exception {
		String username = accounts.newAccount("static", "370471", Role.DISPATCHER);
		String login = getString("/login").body();
		Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"")
			.matcher(login);
		assertThat(csrf.find()).isTrue();
		String token = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
		HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password="
					+ URLEncoder.encode(TestAccounts.PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
					+ URLEncoder.encode(token, StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signIn.statusCode()).isEqualTo(302);
		assertThat(signIn.headers().firstValue("Location").orElse("")).doesNotContain("error");

		HttpResponse<String> cases = http.send(HttpRequest.newBuilder(uri("/cases")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(cases.statusCode()).isEqualTo(200);
		assertThat(cases.body()).contains("/css/app-");
		assertThat(cases.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
		assertThat(cases.headers().firstValue("Content-Encoding")).as("no gzip for pages (BREACH)").isEmpty();
	}

	private HttpResponse<byte[]> get(String path, boolean gzip) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
		if (gzip) {
			request.header("Accept-Encoding", "gzip");
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private HttpResponse<String> getString(String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

}
