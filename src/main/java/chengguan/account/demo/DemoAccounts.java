package chengguan.account.demo;

import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import chengguan.account.AccountService;
import chengguan.account.NewAccount;
import chengguan.organization.RegionService;
import chengguan.organization.RegionView;
import chengguan.organization.RosterQuery;
import chengguan.organization.RosterService;
import chengguan.organization.StaffRow;
import chengguan.platform.security.DataScope;
import chengguan.platform.security.Role;

/** One demo account per role (README lists them). Runs after the demo organisation, in the demo profile only. */
@Component
@Profile("demo")
@Order(20)
public class DemoAccounts implements ApplicationRunner {

	public static final String PASSWORD = "Demo@2026";

	private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

	/** username, display name, roles, home region code, phone of the linked staff member (or null). */
	record DemoAccount(String username, String displayName, Set<Role> roles, String regionCode, String staffPhone) {
	}

	static final List<DemoAccount> ACCOUNTS = List.of(
			new DemoAccount("admin", "系统管理员", Set.of(Role.ADMIN), "370400", null),
			new DemoAccount("leader", "钱卫东", Set.of(Role.LEADER), "370471", "13800000001"),
			new DemoAccount("dispatcher", "冯晓", Set.of(Role.DISPATCHER), "370471", "13800000002"),
			new DemoAccount("inspector", "褚红", Set.of(Role.INSPECTOR), "370471", "13800000003"),
			new DemoAccount("handler", "蒋涛", Set.of(Role.HANDLER), "370471", "13800000004"),
			new DemoAccount("xingren", "张伟", Set.of(Role.LIAISON), "370471001", "13800003001"),
			new DemoAccount("xingcheng", "王磊", Set.of(Role.LIAISON), "370471002", "13800003002"),
			new DemoAccount("deren", "孙丽华", Set.of(Role.COMMUNITY_STAFF), "370471001001", "13800002001"));

	private final AccountService accounts;

	private final RegionService regions;

	private final RosterService roster;

	public DemoAccounts(AccountService accounts, RegionService regions, RosterService roster) {
		this.accounts = accounts;
		this.regions = regions;
		this.roster = roster;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (accounts.exists("admin")) {
			return;
		}
		RegionView city = regions.findByCode("370400").orElseThrow();
		DataScope everything = new DataScope(city.id(), city.path(), city.name());
		for (DemoAccount demo : ACCOUNTS) {
			RegionView home = regions.findByCode(demo.regionCode()).orElseThrow();
			Long staffId = demo.staffPhone() == null ? null
					: roster.search(new RosterQuery(demo.staffPhone(), null, 0), everything)
						.stream()
						.findFirst()
						.map(StaffRow::id)
						.orElse(null);
			accounts.createWithChosenPassword(
					new NewAccount(demo.username(), demo.displayName(), staffId, home.id(), demo.roles()), PASSWORD);
		}
		log.info("Demo accounts loaded: {} (password {})", ACCOUNTS.size(), PASSWORD);
	}

}
