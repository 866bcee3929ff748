package chengguan.engagement;

import java.time.Instant;

/** One resident's sign-up; the phone is the raw number, shown through {@code @personalData}. */
public record PublicityEventSignUp(long id, String name, String phone, Instant signedUpAt, boolean attended) {
}
