package chengguan.account.web;

import java.util.EnumSet;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import chengguan.account.NewAccount;
import chengguan.account.UserRow;
import chengguan.platform.security.Role;

record UserForm(
		@NotBlank @Pattern(regexp = "[A-Za-z0-9_.-]{3,32}", message = "{account.username.pattern}") String username,
		@NotBlank @Size(max = 32) String displayName, Long staffId, @NotNull Long homeRegionId,
		@NotEmpty(message = "{account.roles.required}") Set<Role> roles, boolean enabled, Long version) {

	static UserForm blank(long homeRegionId) {
		return new UserForm("", "", null, homeRegionId, EnumSet.noneOf(Role.class), true, null);
	}

	static UserForm of(UserRow row) {
		return new UserForm(row.username(), row.displayName(), row.staffId(), row.homeRegionId(), row.roles(),
				row.enabled(), row.version());
	}

	NewAccount newAccount() {
		return new NewAccount(username.strip(), displayName.strip(), staffId, homeRegionId, roles);
	}

}
