package chengguan.account;

import java.time.Clock;
import java.time.Instant;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import chengguan.organization.RegionService;
import chengguan.organization.RosterService;
import chengguan.organization.StaffView;
import chengguan.organization.RegionView;
import chengguan.platform.security.DataScope;

@Service
class AccountUserDetailsService implements UserDetailsService {

	private final UserAccountRepository accounts;

	private final RegionService regions;

	private final PasswordPolicy passwordPolicy;

	private final Clock clock;

	private final RosterService roster;

	AccountUserDetailsService(UserAccountRepository accounts, RegionService regions, PasswordPolicy passwordPolicy,
			Clock clock, RosterService roster) {
		this.roster = roster;
		this.accounts = accounts;
		this.regions = regions;
		this.passwordPolicy = passwordPolicy;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		UserAccount account = accounts.findByUsername(username)
			.orElseThrow(() -> new UsernameNotFoundException("No such account"));
		return toStaffUser(account);
	}

	StaffUser toStaffUser(UserAccount account) {
		RegionView home = regions.find(account.homeRegionId())
			.orElseThrow(() -> new UsernameNotFoundException("Home region of the account is gone"));
		Instant now = clock.instant();
		boolean mustChange = account.mustChangePassword()
				|| passwordPolicy.isExpired(account.passwordChangedAt(), now);
		return new StaffUser(account.id(), account.username(), account.passwordHash(), account.displayName(),
				account.roles(), new DataScope(home.id(), home.path(), home.name()), account.enabled(),
				true, mustChange, account.staffId(),
				account.staffId() == null ? null : roster.findStaff(account.staffId()).map(StaffView::unitId).orElse(null));
	}

}
