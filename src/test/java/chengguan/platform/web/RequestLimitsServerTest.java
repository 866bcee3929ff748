package chengguan.platform.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import chengguan.support.IsolatedDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * What the real servlet container does with bodies and addresses no browser sends: a chunked body (no
 * Content-Length) is refused as soon as it passes the limit, and a query string that cannot be decoded is a 400 with
 * one WARN line. The limit is 1 MB here so the test sends little.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.servlet.multipart.max-request-size=1MB", "spring.servlet.multipart.max-file-size=1MB" })
class RequestLimitsServerTest {

	private static final long LIMIT = 1024 * 1024;

	private static final long SENT_AT_MOST = 64L * 1024 * 1024;

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		IsolatedDatabase.register(registry, "request_limits");
	}

	@LocalServerPort
	int port;

	private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

	private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

	@BeforeEach
	void listen() {
		logged.start();
		root.addAppender(logged);
	}

	@AfterEach
	void stopListening() {
		root.detachAppender(logged);
	}

	record Answer(String head, long sent) {

		int status() {
			return Integer.parseInt(head.split(" ")[1]);
		}

	}

	/** Sends up to {@link #SENT_AT_MOST} bytes in chunks, stopping as soon as the server answers. */
	private Answer chunked(String path, String contentType, byte[] opening) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			InputStream in = socket.getInputStream();
			out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType
					+ "\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
			byte[] filler = new byte[64 * 1024];
			Arrays.fill(filler, (byte) 'a');
			long sent = 0;
			try {
				sent += chunk(out, opening);
				while (sent < SENT_AT_MOST && in.available() == 0) {
					sent += chunk(out, filler);
				}
			}
			catch (IOException closed) {
				// the server stopped reading and closed the connection: what it answered is already on its way
			}
			ByteArrayOutputStream head = new ByteArrayOutputStream();
			int b;
			while ((b = in.read()) >= 0 && b != '\n') {
				head.write(b);
			}
			return new Answer(head.toString(StandardCharsets.ISO_8859_1).strip(), sent);
		}
	}

	private static int chunk(OutputStream out, byte[] data) throws IOException {
		out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
		out.write(data);
		out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
		out.flush();
		return data.length;
	}

	@Test
	void aChunkedJsonBodyIsRefusedAsSoonAsItPassesTheLimit() {
		Answer answer = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> chunked("/api/v1/reports",
				"application/json", "{\"communityCode\":\"370471001001\",\"description\":\"".getBytes(StandardCharsets.UTF_8)));
		assertThat(answer.status()).as(answer.head()).isEqualTo(413);
		// socket buffers hold a few MB on loopback; reading to the end would have taken all 64 MB
		assertThat(answer.sent()).isLessThan(16 * LIMIT);
	}

	@Test
	void aChunkedMultipartBodyIsRefusedAsSoonAsItPassesTheLimit() {
		String opening = "--b\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"a.jpg\"\r\n"
				+ "Content-Type: image/jpeg\r\n\r\n";
		Answer answer = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> chunked("/api/v1/reports",
				"multipart/form-data; boundary=b", opening.getBytes(StandardCharsets.UTF_8)));
		assertThat(answer.status()).as(answer.head()).isEqualTo(413);
		assertThat(answer.sent()).isLessThan(16 * LIMIT);
	}

	private String get(String target) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(30_000);
			socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@Test
	void aMalformedQueryStringIsA400WithOneWarningAndNoStackTrace() throws IOException {
		for (String target : List.of("/login?q=%zz", "/r/370471001001?x=%E4%B8", "/api/v1/communities?q=%")) {
			logged.list.clear();
			String answer = get(target);
			assertThat(answer).as(target).startsWith("HTTP/1.1 400");
			assertThat(answer).as(target).contains("网址中的参数格式不正确");
			assertThat(logged.list).as(target)
				.filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.ERROR))
				.isEmpty();
			assertThat(logged.list).as(target)
				.filteredOn(event -> event.getLevel() == Level.WARN)
				.singleElement()
				.satisfies(event -> assertThat(event.getThrowableProxy()).isNull());
		}
		// a well-formed escape is still fine
		assertThat(get("/login?q=%E4%B8%AD")).startsWith("HTTP/1.1 200");
	}

}
