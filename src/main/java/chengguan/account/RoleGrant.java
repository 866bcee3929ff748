package chengguan.account;

import org.springframework.data.relational.core.mapping.Table;

import chengguan.platform.security.Role;

@Table("user_account_role")
record RoleGrant(Role role) {
}
