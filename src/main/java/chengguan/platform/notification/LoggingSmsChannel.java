package chengguan.platform.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import chengguan.platform.security.PersonalData;

/** The SMS channel until an SMS gateway contract exists: logs what would be sent, with the number masked. */
@Component
class LoggingSmsChannel implements NotificationChannel {

	static final String NAME = "SMS";

	private static final Logger log = LoggerFactory.getLogger(LoggingSmsChannel.class);

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public void send(String recipient, String message) {
		log.info("SMS to {}: {}", PersonalData.mask(recipient), message);
	}

}
