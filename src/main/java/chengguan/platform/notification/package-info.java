/**
 * Messages to people outside the platform (SMS, WeChat) through an outbox table: written in the same transaction
 * as the change they report, delivered and retried by one node, so a channel that is down loses nothing.
 */
@org.springframework.modulith.NamedInterface("notification")
package chengguan.platform.notification;
