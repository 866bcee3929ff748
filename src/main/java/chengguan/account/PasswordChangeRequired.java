package chengguan.account;

/**
 * The authority a signed-in person carries while they must still change an initial or expired password; until
 * then every page but the password page sends them there.
 */
public final class PasswordChangeRequired {

	public static final String AUTHORITY = "PASSWORD_CHANGE_REQUIRED";

	private PasswordChangeRequired() {
	}

}
