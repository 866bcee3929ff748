package chengguan.account;

import java.util.List;
import java.util.Optional;

import org.springframework.boot.ApplicationArguments;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import chengguan.platform.cli.AdminCommand;
import chengguan.platform.security.ActingStaff;
import chengguan.platform.security.DataScope;
import chengguan.platform.security.Role;

/**
 * {@code java -jar chengguan.jar --unlock-user=NAME}: for when every administrator is locked out. Clears the account's
 * lock and failure count without the web server, recorded in the audit log as done by {@code command-line}.
 */
@Component
class UnlockUserCommand implements AdminCommand {

	/** Who the audit log names for changes made from the command line. */
	static final String ACTOR = "command-line";

	private final UserAccountRepository accounts;

	private final AccountService service;

	UnlockUserCommand(UserAccountRepository accounts, AccountService service) {
		this.accounts = accounts;
		this.service = service;
	}

	@Override
	public String option() {
		return "unlock-user";
	}

	@Override
	public int run(ApplicationArguments args) {
		List<String> values = args.getOptionValues(option());
		if (values == null || values.size() != 1 || values.get(0).isBlank()) {
			System.err.println("用法: --unlock-user=用户名");
			return 64;
		}
		String username = values.get(0).trim();
		Optional<UserAccount> account = accounts.findByUsername(username);
		if (account.isEmpty()) {
			System.err.println("没有用户 " + username);
			return 2;
		}
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext asCommandLine = SecurityContextHolder.createEmptyContext();
		asCommandLine.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(ACTOR, null, List.of()));
		SecurityContextHolder.setContext(asCommandLine);
		try {
			unlock(account.get());
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
		System.out.println("已解锁 " + username + "（失败次数已清零，审计记录：" + ACTOR + "）");
		return 0;
	}

	/** The one call into the lockout; becomes {@code service.unlock(username, ACTOR)} with per-address counters. */
	private void unlock(UserAccount account) {
		service.unlock(account.id(), new ActingStaff(ACTOR, "命令行", java.util.Set.of(Role.ADMIN), DataScope.EVERYWHERE,
				null, null));
	}

}
