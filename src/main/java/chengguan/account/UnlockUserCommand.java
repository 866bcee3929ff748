package chengguan.account;

import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

import chengguan.platform.cli.AdminCommand;

/**
 * {@code java -jar chengguan.jar --unlock-user=NAME}: for when every administrator is locked out. Lifts the sign-in
 * blocks on that name from every address without the web server, recorded in the audit log as done by {@code command-line}.
 */
@Component
class UnlockUserCommand implements AdminCommand {

	/** Who the audit log names for changes made from the command line. */
	static final String ACTOR = "command-line";

	private final AccountService service;

	UnlockUserCommand(AccountService service) {
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
		if (!service.unlock(username, ACTOR)) {
			System.err.println("没有用户 " + username);
			return 2;
		}
		System.out.println("已解锁 " + username + "（失败次数已清零，审计记录：" + ACTOR + "）");
		return 0;
	}

}
