package chengguan.platform.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;

/**
 * A refusal that is the person's to fix or to know about: shown as a Chinese message (from
 * messages.properties) with a 4xx status, never as a stack trace.
 */
public class UserFacingException extends RuntimeException {

	private final HttpStatus status;

	private final String messageCode;

	private final transient Object[] arguments;

	public UserFacingException(HttpStatus status, String messageCode, Object... arguments) {
		super(messageCode);
		this.status = status;
		this.messageCode = messageCode;
		this.arguments = arguments;
	}

	public HttpStatus status() {
		return status;
	}

	public String messageCode() {
		return messageCode;
	}

	public Object[] arguments() {
		return arguments.clone();
	}

	/** The Chinese text of the refusal. */
	public String message(MessageSource messages) {
		return messages.getMessage(messageCode, arguments, messageCode, LocaleContextHolder.getLocale());
	}

	/**
	 * Whether the person can fix it by changing what they typed, so the form should come back with the message;
	 * a missing page, a refusal or a rate limit is shown as an error page instead.
	 */
	public boolean correctableInForm() {
		return status != HttpStatus.NOT_FOUND && status != HttpStatus.FORBIDDEN && status != HttpStatus.TOO_MANY_REQUESTS;
	}

}
