package chengguan.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import chengguan.organization.RegionService;
import chengguan.organization.RegionView;
import chengguan.platform.audit.AuditAction;
import chengguan.platform.audit.AuditLog;
import chengguan.platform.security.DataScope;
import chengguan.platform.security.Role;
import chengguan.platform.security.ScopeGuard;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.web.ConflictException;
import chengguan.platform.web.InvalidRequestException;
import chengguan.platform.web.NotFoundException;

/** Accounts: sign-in bookkeeping, one's own password, and administration within the administrator's scope. */
@Service
public class AccountService {

	static final int INITIAL_PASSWORD_LENGTH = 12;

	private final UserAccountRepository accounts;

	private final JdbcClient jdbc;

	private final PasswordEncoder passwordEncoder;

	private final PasswordPolicy passwordPolicy;

	private final SignInThrottle throttle;

	private final InitialPasswords initialPasswords;

	private final RegionService regions;

	private final ScopeGuard scopeGuard;

	private final AuditLog auditLog;

	private final Clock clock;

	private final AccountUserDetailsService userDetails;

	AccountService(AccountUserDetailsService userDetails, UserAccountRepository accounts, JdbcClient jdbc, PasswordEncoder passwordEncoder,
			PasswordPolicy passwordPolicy, SignInThrottle throttle, InitialPasswords initialPasswords,
			RegionService regions, ScopeGuard scopeGuard, AuditLog auditLog, Clock clock) {
		this.userDetails = userDetails;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.passwordEncoder = passwordEncoder;
		this.passwordPolicy = passwordPolicy;
		this.throttle = throttle;
		this.initialPasswords = initialPasswords;
		this.regions = regions;
		this.scopeGuard = scopeGuard;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	public record CreatedAccount(long id, String initialPassword) {
	}

	// ---- sign-in bookkeeping

	@Transactional
	public void recordSignIn(String username) {
		accounts.findByUsername(username).ifPresent(account -> {
			account.recordSignIn(clock.instant());
			accounts.save(account);
		});
	}

	// ---- one's own password

	/** @return the rules the new password breaks; empty when it was changed */
	@Transactional
	public List<PasswordPolicy.Violation> changePassword(long userId, String currentPassword, String newPassword) {
		UserAccount account = accounts.findById(userId).orElseThrow(NotFoundException::new);
		if (!passwordEncoder.matches(currentPassword, account.passwordHash())) {
			return List.of(new PasswordPolicy.Violation("password.currentWrong"));
		}
		List<PasswordPolicy.Violation> violations = new ArrayList<>(
				passwordPolicy.check(newPassword, account.username()));
		if (violations.isEmpty() && passwordEncoder.matches(newPassword, account.passwordHash())) {
			violations.add(new PasswordPolicy.Violation("password.sameAsCurrent"));
		}
		if (violations.isEmpty()) {
			account.changePassword(passwordEncoder.encode(newPassword), clock.instant());
			accounts.save(account);
			auditLog.record(AuditAction.PASSWORD_CHANGED, "user", userId, null);
		}
		return violations;
	}

	/** The signed-in person as they are now, to replace the one in the session after a change of theirs. */
	@Transactional(readOnly = true)
	public Authentication freshAuthentication(String username) {
		StaffUser user = (StaffUser) userDetails.loadUserByUsername(username);
		user.eraseCredentials();
		return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
	}

	// ---- administration

	@Transactional(readOnly = true)
	public List<UserRow> users(DataScope scope) {
		return rows("r.path LIKE ?", scope.pathPattern());
	}

	@Transactional(readOnly = true)
	public UserRow user(long id, StaffPrincipal who) {
		UserRow row = rows("a.id = ?", id).stream().findFirst().orElseThrow(NotFoundException::new);
		scopeGuard.requireCovers(who, regions.find(row.homeRegionId()).orElseThrow().path(), "user", id);
		return row;
	}

	@Transactional
	public CreatedAccount create(NewAccount request, StaffPrincipal who) {
		requireRegionInScope(request.homeRegionId(), who);
		if (accounts.existsByUsername(request.username())) {
			throw new ConflictException("account.usernameTaken", request.username());
		}
		String initial = initialPasswords.generate(INITIAL_PASSWORD_LENGTH);
		UserAccount account = accounts.save(UserAccount.create(request.username(), request.displayName(),
				passwordEncoder.encode(initial), request.staffId(), request.homeRegionId(), request.roles(),
				clock.instant()));
		auditLog.record(AuditAction.USER_CREATED, "user", account.id(),
				"username=" + request.username() + " roles=" + request.roles() + " region=" + request.homeRegionId());
		return new CreatedAccount(account.id(), initial);
	}

	@Transactional
	public void update(long id, long seenVersion, String displayName, Long staffId, long homeRegionId,
			Set<Role> roles, boolean enabled, StaffPrincipal who) {
		UserAccount account = accounts.findById(id).orElseThrow(NotFoundException::new);
		requireRegionInScope(account.homeRegionId(), who);
		requireRegionInScope(homeRegionId, who);
		if (account.version() != seenVersion) {
			throw new OptimisticLockingFailureException("account " + id + " changed since it was read");
		}
		if (id == who.userId() && (!enabled || !roles.contains(Role.ADMIN))) {
			throw new InvalidRequestException("account.cannotDemoteSelf");
		}
		Set<Role> before = account.roles();
		account.update(displayName, staffId, homeRegionId, roles, enabled);
		accounts.save(account);
		auditLog.record(AuditAction.USER_UPDATED, "user", id, "roles=" + before + "→" + roles + " region="
				+ homeRegionId + " enabled=" + enabled);
	}

	/** @return the new initial password, to be handed to its owner, who must change it at sign-in */
	@Transactional
	public String resetPassword(long id, StaffPrincipal who) {
		UserAccount account = accounts.findById(id).orElseThrow(NotFoundException::new);
		requireRegionInScope(account.homeRegionId(), who);
		String initial = initialPasswords.generate(INITIAL_PASSWORD_LENGTH);
		account.resetPassword(passwordEncoder.encode(initial), clock.instant());
		accounts.save(account);
		throttle.clear(account.username());
		auditLog.record(AuditAction.PASSWORD_RESET, "user", id, null);
		return initial;
	}

	/** Lifts the sign-in blocks on this account from every address (an address's block over all names stays). */
	@Transactional
	public void unlock(long id, StaffPrincipal who) {
		UserAccount account = accounts.findById(id).orElseThrow(NotFoundException::new);
		requireRegionInScope(account.homeRegionId(), who);
		int cleared = throttle.clear(account.username());
		auditLog.record(AuditAction.USER_UNLOCKED, "user", id, "addresses=" + cleared);
	}

	/**
	 * The same for tools without a signed-in person (the command line's {@code --unlock-user}): lifts the blocks
	 * on this account name from every address and audits it under {@code actor}.
	 *
	 * @return false when there is no such account (nothing is changed then)
	 */
	@Transactional
	public boolean unlock(String username, String actor) {
		UserAccount account = accounts.findByUsername(username).orElse(null);
		if (account == null) {
			return false;
		}
		int cleared = throttle.clear(account.username());
		auditLog.recordIndependently(actor, null, AuditAction.USER_UNLOCKED, "user", account.id(),
				"addresses=" + cleared);
		return true;
	}

	/** For set-up and demo data: an account whose owner already knows its password. */
	@Transactional
	public long createWithChosenPassword(NewAccount request, String password) {
		List<PasswordPolicy.Violation> violations = passwordPolicy.check(password, request.username());
		if (!violations.isEmpty()) {
			throw new IllegalArgumentException("Set-up password breaks the policy: " + violations);
		}
		UserAccount account = UserAccount.create(request.username(), request.displayName(),
				passwordEncoder.encode(password), request.staffId(), request.homeRegionId(), request.roles(),
				clock.instant());
		account.markPasswordChosen();
		return accounts.save(account).id();
	}

	@Transactional(readOnly = true)
	public boolean exists(String username) {
		return accounts.existsByUsername(username);
	}

	private void requireRegionInScope(long regionId, StaffPrincipal who) {
		RegionView region = regions.find(regionId).orElseThrow(() -> new InvalidRequestException("account.noSuchRegion"));
		scopeGuard.requireCovers(who, region.path(), "region", regionId);
	}

	private List<UserRow> rows(String condition, Object parameter) {
		Instant now = clock.instant();
		record Base(long id, String username, String displayName, long homeRegionId, String homeRegionName,
				Long staffId, boolean enabled, Instant lockedUntil, boolean mustChange, Instant lastSignIn,
				long version) {
		}
		List<Base> bases = jdbc.sql("""
				SELECT a.id, a.username, a.display_name, a.home_region_id, r.name AS region_name, a.staff_id,
				       a.enabled, b.locked_until, a.must_change_password, a.last_sign_in_at, a.version
				FROM user_account a JOIN region r ON r.id = a.home_region_id
				LEFT JOIN (SELECT username, MAX(blocked_until) AS locked_until FROM sign_in_failure
				           WHERE blocked_until > ? GROUP BY username) b ON b.username = LOWER(a.username)
				WHERE\s""" + condition + " ORDER BY r.path, a.username")
			.param(Timestamp.from(now))
			.param(parameter)
			.query((rs, row) -> new Base(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
					rs.getLong("home_region_id"), rs.getString("region_name"),
					(Long) rs.getObject("staff_id", Long.class), rs.getBoolean("enabled"),
					instant(rs.getTimestamp("locked_until")), rs.getBoolean("must_change_password"),
					instant(rs.getTimestamp("last_sign_in_at")), rs.getLong("version")))
			.list();
		Map<Long, Set<Role>> roles = new HashMap<>();
		if (!bases.isEmpty()) {
			jdbc.sql("SELECT user_account_id, role FROM user_account_role WHERE user_account_id IN (:ids)")
				.param("ids", bases.stream().map(Base::id).toList())
				.query(rs -> {
					roles.computeIfAbsent(rs.getLong("user_account_id"), key -> EnumSet.noneOf(Role.class))
						.add(Role.valueOf(rs.getString("role")));
				});
		}
		return bases.stream()
			.map(b -> new UserRow(b.id(), b.username(), b.displayName(),
					roles.getOrDefault(b.id(), EnumSet.noneOf(Role.class)), b.homeRegionId(), b.homeRegionName(),
					b.staffId(), b.enabled(), b.lockedUntil() != null && now.isBefore(b.lockedUntil()),
					b.lockedUntil(), b.mustChange(), b.lastSignIn(), b.version()))
			.toList();
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
