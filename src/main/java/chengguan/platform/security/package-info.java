/**
 * The security vocabulary every module shares: roles, the signed-in staff member, data scope and the guard
 * that refuses (404) and audits access outside it. Sign-in itself lives in the account module.
 */
@org.springframework.modulith.NamedInterface("security")
package chengguan.platform.security;
