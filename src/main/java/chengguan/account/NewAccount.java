package chengguan.account;

import java.util.Set;

import chengguan.platform.security.Role;

public record NewAccount(String username, String displayName, Long staffId, long homeRegionId, Set<Role> roles) {
}
