package chengguan.platform.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a query string that cannot be decoded ({@code %zz}, a cut-off {@code %4}, bytes that are not UTF-8) with
 * a 400 and one WARN line, before anything parses the parameters: otherwise the servlet container's parameter
 * parsing fails deep inside the application and is logged as an ERROR with a stack trace.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class MalformedQueryFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(MalformedQueryFilter.class);

	private static final String BODY = """
			<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>网址有误</title></head>
			<body><h1>网址有误</h1><p>网址中的参数格式不正确（可能是复制时被截断或改动了），请检查后重新打开。</p></body></html>
			""";

	private static final String PROBLEM = """
			{"type":"about:blank","title":"Bad Request","status":400,"detail":"网址中的参数格式不正确，请检查后重试。"}""";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String query = request.getQueryString();
		if (query != null && !decodable(query)) {
			log.warn("Refused a malformed query string on {} {} from {}", request.getMethod(), request.getRequestURI(),
					request.getRemoteAddr());
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
			response.setContentType(api ? "application/problem+json;charset=UTF-8" : "text/html;charset=UTF-8");
			response.getOutputStream().write((api ? PROBLEM : BODY).getBytes(StandardCharsets.UTF_8));
			return;
		}
		chain.doFilter(request, response);
	}

	/** Every {@code %} is followed by two hex digits and the decoded bytes are UTF-8. */
	static boolean decodable(String query) {
		byte[] bytes = new byte[query.length()];
		int length = 0;
		for (int i = 0; i < query.length(); i++) {
			char c = query.charAt(i);
			if (c == '%') {
				if (i + 2 >= query.length() || Character.digit(query.charAt(i + 1), 16) < 0
						|| Character.digit(query.charAt(i + 2), 16) < 0) {
					return false;
				}
				bytes[length++] = (byte) Integer.parseInt(query, i + 1, i + 3, 16);
				i += 2;
			}
			else if (c > 0x7f) {
				continue; // the container decided what raw characters mean; only escapes are checked here
			}
			else {
				bytes[length++] = (byte) c;
			}
		}
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes, 0, length));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

}
