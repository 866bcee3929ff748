package chengguan.platform.web;

import org.springframework.http.HttpStatus;

public class NotFoundException extends UserFacingException {

	public NotFoundException() {
		super(HttpStatus.NOT_FOUND, "error.notFound");
	}

}
