package chengguan.support;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import chengguan.account.AccountService;
import chengguan.account.NewAccount;
import chengguan.organization.RegionService;
import chengguan.platform.security.Role;

/** Signs requests in as real accounts (the same principal a form sign-in puts in the session). */
@Component
public class TestAccounts {

	public static final String PASSWORD = "Test#Pass2026";

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	/** Acts for the whole platform, for tests that look a record up without caring who may see it. */
	public static final chengguan.platform.security.StaffPrincipal EVERYWHERE = new chengguan.platform.security.ActingStaff(
			"test", "测试", Set.of(Role.ADMIN), chengguan.platform.security.DataScope.EVERYWHERE, null, null);

	private final AccountService accounts;

	private final RegionService regions;

	TestAccounts(AccountService accounts, RegionService regions) {
		this.accounts = accounts;
		this.regions = regions;
	}

	public RequestPostProcessor as(String username) {
		return SecurityMockMvcRequestPostProcessors.authentication(accounts.freshAuthentication(username));
	}

	/** The principal a signed-in request of this account carries, for calling services directly. */
	public chengguan.platform.security.StaffPrincipal principal(String username) {
		return (chengguan.platform.security.StaffPrincipal) accounts.freshAuthentication(username).getPrincipal();
	}

	/** A new account with a password already chosen, at the region with this code; returns its username. */
	public String newAccount(String prefix, String regionCode, Role... roles) {
		String username = prefix + "-" + System.currentTimeMillis() % 100_000 + "-" + SEQUENCE.incrementAndGet();
		long region = regions.findByCode(regionCode).orElseThrow().id();
		accounts.createWithChosenPassword(new NewAccount(username, "测试" + prefix, null, region, Set.of(roles)),
				PASSWORD);
		return username;
	}

}
