package chengguan.platform.web;

import org.springframework.http.HttpStatus;

public class ConflictException extends UserFacingException {

	public ConflictException(String messageCode, Object... arguments) {
		super(HttpStatus.CONFLICT, messageCode, arguments);
	}

}
