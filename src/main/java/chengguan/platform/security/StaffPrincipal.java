package chengguan.platform.security;

import java.util.Set;

/** The signed-in staff member, as controllers receive it with {@code @AuthenticationPrincipal}. */
public interface StaffPrincipal {

	long userId();

	String username();

	String displayName();

	Set<Role> roles();

	DataScope scope();

	/** The unit the person works in (科室, 中队, 协同部门 …), when the account is linked to a staff member. */
	default Long unitId() {
		return null;
	}

	/** The staff member the account belongs to (the roster entry), if linked. */
	default Long staffId() {
		return null;
	}

	default boolean hasRole(Role role) {
		return roles().contains(role);
	}

	default boolean hasAnyRole(Role... wanted) {
		for (Role role : wanted) {
			if (roles().contains(role)) {
				return true;
			}
		}
		return false;
	}

}
