package chengguan.account;

import java.time.Instant;
import java.util.Set;

import chengguan.platform.security.Role;

public record UserRow(long id, String username, String displayName, Set<Role> roles, long homeRegionId,
		String homeRegionName, Long staffId, boolean enabled, boolean locked, Instant lockedUntil,
		boolean mustChangePassword, Instant lastSignInAt, long version) {
}
