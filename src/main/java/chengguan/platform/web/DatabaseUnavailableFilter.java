package chengguan.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLNonTransientConnectionException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * When the database cannot be reached, every request answers at once (the pool gives up after
 * {@code spring.datasource.hikari.connection-timeout}) with 503 and Retry-After: a Chinese page, or a problem body
 * under /api/. It sits outside the session and security filters, which need the database too. A resident's
 * report form keeps its text in the phone's local storage (report-page.js), so the page links back to the form.
 * Nothing to undo when the database is back: the pool reconnects by itself.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

	static final int RETRY_AFTER_SECONDS = 30;

	private static final String PAGE = """
			<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
			<meta name="viewport" content="width=device-width, initial-scale=1"><title>系统暂时无法使用</title></head>
			<body style="font-family:sans-serif;max-width:36em;margin:2em auto;padding:0 1em;line-height:1.6">
			<h1>系统暂时无法使用</h1>
			<p>数据服务暂时连接不上，我们正在恢复，请 1 分钟后再试。</p>
			%s
			<p><a href="%s">重试</a></p></body></html>
			""";

	private static final String KEPT = "<p><strong>您填写的内容已保存在这台手机（电脑）上，没有丢失。</strong>"
			+ "稍后点“重试”回到填写页面，内容会自动恢复，再提交即可；照片需要重新选择。</p>";

	private static final String PROBLEM = """
			{"type":"about:blank","title":"Service Unavailable","status":503,"detail":"数据服务暂时连接不上，请稍后重试。"}""";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (!databaseUnreachable(ex) || response.isCommitted()) {
				throw ex;
			}
			log.warn("Database unreachable, answered 503 to {} {}: {}", request.getMethod(), request.getRequestURI(),
					rootMessage(ex));
			response.reset();
			answer(request, response);
		}
	}

	static boolean databaseUnreachable(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof CannotGetJdbcConnectionException || cause instanceof CannotCreateTransactionException
					|| cause instanceof DataAccessResourceFailureException
					|| cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException || cause instanceof SQLRecoverableException) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

	private static void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
		response.setHeader("Cache-Control", "no-store");
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/api/")) {
			response.setContentType("application/problem+json;charset=UTF-8");
			response.getOutputStream().write(PROBLEM.getBytes(StandardCharsets.UTF_8));
			return;
		}
		boolean residentForm = path.startsWith("/r/");
		String page = PAGE.formatted(residentForm ? KEPT : "", HtmlUtils.htmlEscape(request.getRequestURI()));
		response.setContentType("text/html;charset=UTF-8");
		response.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
	}

}
