package chengguan.platform.notification;

/**
 * A way to reach a person: SMS, a WeChat template message. The real adapters need contracts with outside services;
 * until then a fake that logs stands in for each.
 */
public interface NotificationChannel {

	/** The name kept in the outbox, e.g. {@code SMS}. */
	String name();

	/** Delivers or throws; a throw leaves the message in the outbox for another attempt. */
	void send(String recipient, String message) throws Exception;

}
