package chengguan.platform.web;

import java.time.Duration;

import org.springframework.http.HttpStatus;

/** 429 with a Retry-After header and a message saying, in minutes, when to try again. */
public class TooManyRequestsException extends UserFacingException {

	private final Duration retryAfter;

	public TooManyRequestsException(Duration retryAfter) {
		super(HttpStatus.TOO_MANY_REQUESTS, "error.tooManyRequests", Math.max(1, (retryAfter.toSeconds() + 59) / 60));
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return retryAfter;
	}

}
