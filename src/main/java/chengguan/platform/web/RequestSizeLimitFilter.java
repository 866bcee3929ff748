package chengguan.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an oversized body before anything reads it. Without this, the CSRF filter parses the multipart body
 * first and an oversized upload surfaces as a server error instead of a 413 with a readable message.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeLimitFilter extends OncePerRequestFilter {

	private static final String BODY = """
			<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>上传内容过大</title></head>
			<body><h1>上传内容过大</h1><p>本次提交的内容超过了 %d MB 的上限，请压缩照片或减少附件后重试。</p></body></html>
			""";

	private final long maxBytes;

	RequestSizeLimitFilter(MultipartProperties multipart) {
		this.maxBytes = multipart.getMaxRequestSize().toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > maxBytes) {
			response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
			response.setContentType("text/html;charset=UTF-8");
			response.setHeader("Connection", "close");
			response.getOutputStream()
				.write(BODY.formatted(maxBytes / (1024 * 1024)).getBytes(StandardCharsets.UTF_8));
			return;
		}
		chain.doFilter(request, response);
	}

}
