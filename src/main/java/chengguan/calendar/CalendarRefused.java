package chengguan.calendar;

/** An edit or a question the calendar refuses; {@code messageCode} is in messages.properties. */
public class CalendarRefused extends RuntimeException {

	private final String messageCode;

	private final transient Object[] arguments;

	public CalendarRefused(String messageCode, Object... arguments) {
		super(messageCode);
		this.messageCode = messageCode;
		this.arguments = arguments;
	}

	public String messageCode() {
		return messageCode;
	}

	public Object[] arguments() {
		return arguments.clone();
	}

}
