package chengguan.account;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import chengguan.platform.security.DataScope;
import chengguan.platform.security.Role;
import chengguan.platform.security.StaffPrincipal;

/** The signed-in person as kept in the (database-backed) session. */
final class StaffUser implements UserDetails, CredentialsContainer, StaffPrincipal, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final long userId;

	private final String username;

	private String password;

	private final String displayName;

	private final EnumSet<Role> roles;

	private final DataScope scope;

	private final boolean enabled;

	private final boolean accountNonLocked;

	private final boolean mustChangePassword;

	/** The unit of the staff member the account belongs to; null for an account without one. */
	private final Long unitId;

	private final Long staffId;

	StaffUser(long userId, String username, String password, String displayName, Set<Role> roles, DataScope scope,
			boolean enabled, boolean accountNonLocked, boolean mustChangePassword, Long staffId, Long unitId) {
		this.staffId = staffId;
		this.unitId = unitId;
		this.userId = userId;
		this.username = username;
		this.password = password;
		this.displayName = displayName;
		this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
		this.scope = scope;
		this.enabled = enabled;
		this.accountNonLocked = accountNonLocked;
		this.mustChangePassword = mustChangePassword;
	}

	@Override
	public long userId() {
		return userId;
	}

	@Override
	public Long unitId() {
		return unitId;
	}

	@Override
	public Long staffId() {
		return staffId;
	}

	@Override
	public String username() {
		return username;
	}

	@Override
	public String displayName() {
		return displayName;
	}

	@Override
	public Set<Role> roles() {
		return EnumSet.copyOf(roles.isEmpty() ? EnumSet.noneOf(Role.class) : roles);
	}

	@Override
	public DataScope scope() {
		return scope;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		List<GrantedAuthority> authorities = new ArrayList<>();
		roles.forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
		if (mustChangePassword) {
			authorities.add(new SimpleGrantedAuthority(PasswordChangeRequired.AUTHORITY));
		}
		return authorities;
	}

	@Override
	public String getPassword() {
		return password;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isAccountNonLocked() {
		return accountNonLocked;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		password = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof StaffUser that && that.username.equals(username);
	}

	@Override
	public int hashCode() {
		return username.hashCode();
	}

	@Override
	public String toString() {
		return "StaffUser[" + username + "]";
	}

}
