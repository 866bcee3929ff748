package chengguan.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.json.JacksonJsonView;

import chengguan.platform.documents.DocumentsBusyException;

/**
 * Turns refusals into the Chinese error page (for htmx, an alert fragment; under /api/, JSON {status, message})
 * with the right 4xx status.
 */
@ControllerAdvice
class UserFacingErrorHandler {

	private static final Logger log = LoggerFactory.getLogger(UserFacingErrorHandler.class);

	private final MessageSource messages;

	UserFacingErrorHandler(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(UserFacingException.class)
	ModelAndView userFacing(UserFacingException ex, HttpServletRequest request, HttpServletResponse response) {
		if (ex instanceof TooManyRequestsException tooMany) {
			response.setHeader("Retry-After", Long.toString(Math.max(1, tooMany.retryAfter().toSeconds())));
		}
		return render(ex.status(), ex.messageCode(), ex.arguments(), request, response);
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ModelAndView concurrentChange(HttpServletRequest request, HttpServletResponse response) {
		return render(HttpStatus.CONFLICT, "error.concurrentChange", new Object[0], request, response);
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ModelAndView integrity(DataIntegrityViolationException ex, HttpServletRequest request,
			HttpServletResponse response) {
		log.info("Refused a change that breaks a database constraint at {}: {}", request.getRequestURI(),
				ex.getMostSpecificCause().getMessage());
		return render(HttpStatus.CONFLICT, "error.dataIntegrity", new Object[0], request, response);
	}

	@ExceptionHandler({ MaxUploadSizeExceededException.class })
	ModelAndView tooLarge(HttpServletRequest request, HttpServletResponse response) {
		return render(HttpStatus.PAYLOAD_TOO_LARGE, "error.uploadTooLarge", new Object[0], request, response);
	}

	@ExceptionHandler({ MultipartException.class, MethodArgumentTypeMismatchException.class,
			MissingServletRequestParameterException.class, HttpMessageNotReadableException.class })
	ModelAndView badRequest(HttpServletRequest request, HttpServletResponse response) {
		return render(HttpStatus.BAD_REQUEST, "error.badRequest", new Object[0], request, response);
	}

	/** Every PDF builder busy: a passing state, so 503 with a time to come back, not a server error. */
	@ExceptionHandler(DocumentsBusyException.class)
	ModelAndView documentsBusy(DocumentsBusyException ex, HttpServletRequest request, HttpServletResponse response) {
		log.warn("PDF not built: {}", ex.getMessage());
		response.setHeader("Retry-After", "30");
		return render(HttpStatus.SERVICE_UNAVAILABLE, "error.documentsBusy", new Object[0], request, response);
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ModelAndView methodNotAllowed(HttpServletRequest request, HttpServletResponse response) {
		return render(HttpStatus.METHOD_NOT_ALLOWED, "error.methodNotAllowed", new Object[0], request, response);
	}

	private ModelAndView render(HttpStatus status, String code, Object[] args, HttpServletRequest request,
			HttpServletResponse response) {
		String message = messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			ModelAndView json = new ModelAndView(new JacksonJsonView());
			json.setStatus(status);
			json.addObject("status", status.value());
			json.addObject("message", message);
			return json;
		}
		boolean htmx = request.getHeader("HX-Request") != null;
		ModelAndView view = new ModelAndView(htmx ? "fragments/alert :: alert" : "error");
		view.setStatus(status);
		view.addObject("status", status.value());
		view.addObject("message", message);
		if (htmx) {
			response.setHeader("HX-Retarget", "#flash");
			response.setHeader("HX-Reswap", "innerHTML");
		}
		return view;
	}

}
