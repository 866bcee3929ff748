/**
 * Staff accounts and sign-in: passwords under the configured policy, lockout after failed attempts, sessions
 * shared through the database, roles and the home region that sets each person's data scope.
 */
@org.springframework.modulith.ApplicationModule(displayName = "账号与登录")
package chengguan.account;
