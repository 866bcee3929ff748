package chengguan.platform.web;

import org.springframework.http.HttpStatus;

public class InvalidRequestException extends UserFacingException {

	public InvalidRequestException(String messageCode, Object... arguments) {
		super(HttpStatus.BAD_REQUEST, messageCode, arguments);
	}

}
