package chengguan.account;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import chengguan.platform.security.Role;

@Table("user_account")
public class UserAccount {

	@Id
	private Long id;

	private String username;

	private String passwordHash;

	private String displayName;

	private Long staffId;

	private long homeRegionId;

	private boolean enabled = true;

	private boolean mustChangePassword = true;

	private Instant passwordChangedAt;

	private Instant lastSignInAt;

	private Instant createdAt;

	@MappedCollection(idColumn = "user_account_id")
	private Set<RoleGrant> roles = Set.of();

	@Version
	private Long version;

	UserAccount() {
	}

	/** A new account must change its initial password at first sign-in. */
	static UserAccount create(String username, String displayName, String passwordHash, Long staffId,
			long homeRegionId, Set<Role> roles, Instant now) {
		UserAccount account = new UserAccount();
		account.username = username;
		account.passwordHash = passwordHash;
		account.createdAt = now;
		account.passwordChangedAt = now;
		account.update(displayName, staffId, homeRegionId, roles, true);
		return account;
	}

	void update(String displayName, Long staffId, long homeRegionId, Set<Role> roles, boolean enabled) {
		this.displayName = displayName;
		this.staffId = staffId;
		this.homeRegionId = homeRegionId;
		this.roles = roles.stream().map(RoleGrant::new).collect(Collectors.toSet());
		this.enabled = enabled;
	}

	void recordSignIn(Instant now) {
		lastSignInAt = now;
	}

	void changePassword(String newHash, Instant now) {
		passwordHash = newHash;
		passwordChangedAt = now;
		mustChangePassword = false;
	}

	/** An administrator's reset: a new initial password that must be changed at the next sign-in. */
	void resetPassword(String newHash, Instant now) {
		passwordHash = newHash;
		passwordChangedAt = now;
		mustChangePassword = true;
	}

	/** Demo and set-up accounts whose password is already known to their owner. */
	void markPasswordChosen() {
		mustChangePassword = false;
	}

	Set<Role> roles() {
		Set<Role> result = EnumSet.noneOf(Role.class);
		roles.forEach(grant -> result.add(grant.role()));
		return result;
	}

	Long id() {
		return id;
	}

	String username() {
		return username;
	}

	String passwordHash() {
		return passwordHash;
	}

	String displayName() {
		return displayName;
	}

	Long staffId() {
		return staffId;
	}

	long homeRegionId() {
		return homeRegionId;
	}

	boolean enabled() {
		return enabled;
	}

	boolean mustChangePassword() {
		return mustChangePassword;
	}

	Instant passwordChangedAt() {
		return passwordChangedAt;
	}

	Instant lastSignInAt() {
		return lastSignInAt;
	}

	Long version() {
		return version;
	}

}
