package chengguan.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an oversized body before anything reads it. Without this, the CSRF filter parses the multipart body
 * first and an oversized upload surfaces as a server error instead of a 413 with a readable message. A body
 * without a length (chunked) is counted as it is read and refused the moment it passes the limit, instead of being
 * read to its end first.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeLimitFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(RequestSizeLimitFilter.class);

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
			refuse(response);
			return;
		}
		if (request.getContentLengthLong() >= 0) {
			chain.doFilter(request, response);
			return;
		}
		CountedRequest counted = new CountedRequest(request, maxBytes);
		try {
			chain.doFilter(counted, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (!counted.exceeded) {
				throw ex;
			}
		}
		if (counted.exceeded && !response.isCommitted()) {
			// whatever the reader made of the aborted body (a 400, an error page), the answer is the limit
			response.reset();
			refuse(response);
		}
	}

	private void refuse(HttpServletResponse response) throws IOException {
		response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
		response.setContentType("text/html;charset=UTF-8");
		// the rest of the body is never read: the connection cannot carry another request after this one
		response.setHeader("Connection", "close");
		response.getOutputStream().write(BODY.formatted(maxBytes / (1024 * 1024)).getBytes(StandardCharsets.UTF_8));
	}

	/** Thrown to whoever reads past the limit, so that nothing reads the rest of the body. */
	static final class BodyTooLargeException extends IOException {

		BodyTooLargeException(long maxBytes) {
			super("Request body over " + maxBytes + " bytes");
		}

	}

	private static final class CountedRequest extends HttpServletRequestWrapper {

		private final long maxBytes;

		private ServletInputStream counting;

		private volatile boolean exceeded;

		CountedRequest(HttpServletRequest request, long maxBytes) {
			super(request);
			this.maxBytes = maxBytes;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (counting == null) {
				ServletInputStream in = super.getInputStream();
				counting = new ServletInputStream() {

					private long read;

					@Override
					public int read() throws IOException {
						int b = in.read();
						if (b >= 0) {
							count(1);
						}
						return b;
					}

					@Override
					public int read(byte[] buffer, int offset, int length) throws IOException {
						int n = in.read(buffer, offset, length);
						if (n > 0) {
							count(n);
						}
						return n;
					}

					private void count(int n) throws IOException {
						read += n;
						if (read > maxBytes) {
							exceeded = true;
							log.warn("Refused a request body without a length after {} bytes (limit {})", read, maxBytes);
							throw new BodyTooLargeException(maxBytes);
						}
					}

					@Override
					public boolean isFinished() {
						return in.isFinished();
					}

					@Override
					public boolean isReady() {
						return in.isReady();
					}

					@Override
					public void setReadListener(ReadListener listener) {
						in.setReadListener(listener);
					}

				};
			}
			return counting;
		}

		@Override
		public java.io.BufferedReader getReader() throws IOException {
			String encoding = getCharacterEncoding();
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
					encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
		}

	}

}
