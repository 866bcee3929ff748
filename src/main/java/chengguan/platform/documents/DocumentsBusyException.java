package chengguan.platform.documents;

/**
 * Too many PDFs are being built at once: every copy of the CJK font stayed lent out for as long as a request may
 * wait. Nothing is wrong with the request; it may be sent again shortly (the web layer answers 503 + Retry-After).
 */
public class DocumentsBusyException extends RuntimeException {

	public DocumentsBusyException(String message) {
		super(message);
	}

}
