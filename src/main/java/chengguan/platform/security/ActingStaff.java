package chengguan.platform.security;

import java.util.Set;

/**
 * Someone the platform acts for when nobody has signed in — demo data and set-up recording a liaison's visits or
 * the command centre's steps — so the services check and record them like a signed-in person.
 */
public record ActingStaff(String username, String displayName, Set<Role> roles, DataScope scope, Long staffId,
		Long unitId) implements StaffPrincipal {

	public ActingStaff {
		roles = Set.copyOf(roles);
	}

	@Override
	public long userId() {
		return 0;
	}

}
