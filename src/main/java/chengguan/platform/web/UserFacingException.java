package chengguan.platform.web;

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

}
