package chengguan.account;

import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import chengguan.platform.history.HistoryTampered;
import chengguan.platform.notification.Notifications;

/** Tells every administrator with a known phone when the history check finds tampering (through the outbox). */
@Component
class HistoryAlarm {

	private final JdbcClient jdbc;

	private final Notifications notifications;

	HistoryAlarm(JdbcClient jdbc, Notifications notifications) {
		this.jdbc = jdbc;
		this.notifications = notifications;
	}

	@EventListener
	void on(HistoryTampered tampered) {
		List<String> phones = jdbc.sql("""
				SELECT DISTINCT s.phone FROM user_account u
				JOIN user_account_role r ON r.user_account_id = u.id
				JOIN staff s ON s.id = u.staff_id
				WHERE r.role = 'ADMIN' AND u.enabled AND s.phone IS NOT NULL AND s.phone <> ''
				ORDER BY s.phone""")
			.query(String.class)
			.list();
		String message = "【城管进社区】办理经过校验未通过（校验 " + tampered.checkId() + "，" + tampered.findings().size()
				+ " 处），请登录查看“审计日志 › 办理经过校验”。";
		phones.forEach(phone -> notifications.enqueue(Notifications.SMS, phone, message));
	}

}
