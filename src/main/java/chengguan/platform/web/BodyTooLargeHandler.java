package chengguan.platform.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A body without a length that {@link RequestSizeLimitFilter} cut off at the limit: whoever was reading it (a JSON
 * converter, say) would call it unreadable (400). Matched through the cause, ahead of the general 400 handler.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodyTooLargeHandler {

	private final long maxMegabytes;

	BodyTooLargeHandler(MultipartProperties multipart) {
		this.maxMegabytes = multipart.getMaxRequestSize().toMegabytes();
	}

	@ExceptionHandler(RequestSizeLimitFilter.BodyTooLargeException.class)
	ResponseEntity<String> tooLarge(HttpServletRequest request) {
		String detail = "本次提交的内容超过了 " + maxMegabytes + " MB 的上限，请压缩照片或减少附件后重试。";
		boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
		return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
			.header(HttpHeaders.CONNECTION, "close")
			.contentType(api ? MediaType.APPLICATION_PROBLEM_JSON : new MediaType(MediaType.TEXT_HTML,
					java.nio.charset.StandardCharsets.UTF_8))
			.body(api ? "{\"type\":\"about:blank\",\"title\":\"Payload Too Large\",\"status\":413,\"detail\":\"" + detail
					+ "\"}" : "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>上传内容过大</title>"
							+ "</head><body><h1>上传内容过大</h1><p>" + detail + "</p></body></html>");
	}

}
