package chengguan.account;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import chengguan.platform.security.Role;

/**
 * Whom to tell when something needs a person in charge: the phones of staff linked to sign-in accounts, found by
 * role and home region, or as the leaders of a unit. Only active staff with a phone on the roster.
 */
@Service
@Transactional(readOnly = true)
public class StaffContacts {

	private final JdbcClient jdbc;

	StaffContacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Staff whose account holds this role and whose home region is the region at {@code regionPath} or above it
	 * (the bureau's 督查 for a community's case).
	 */
	public List<String> phonesWithRole(Role role, String regionPath) {
		return jdbc.sql("""
				SELECT DISTINCT s.phone
				FROM user_account a
				JOIN user_account_role r ON r.user_account_id = a.id
				JOIN staff s ON s.id = a.staff_id
				JOIN region g ON g.id = a.home_region_id
				WHERE r.role = ? AND a.enabled AND s.active AND s.phone IS NOT NULL AND s.phone <> ''
				  AND ? LIKE g.path || '%'
				ORDER BY s.phone""")
			.params(role.name(), regionPath)
			.query(String.class)
			.list();
	}

	/**
	 * The people leading a unit: its staff whose account holds the 局领导 role, or whose title says they lead it
	 * (队长, 科长, 局长, 主任, 负责人 …).
	 */
	public List<String> unitLeaderPhones(long unitId) {
		return jdbc.sql("""
				SELECT DISTINCT s.phone
				FROM staff s
				WHERE s.unit_id = ? AND s.active AND s.phone IS NOT NULL AND s.phone <> ''
				  AND (s.position_title LIKE '%长%' OR s.position_title LIKE '%主任%' OR s.position_title LIKE '%负责人%'
				       OR EXISTS (SELECT 1 FROM user_account a JOIN user_account_role r ON r.user_account_id = a.id
				                  WHERE a.staff_id = s.id AND a.enabled AND r.role = 'LEADER'))
				ORDER BY s.phone""")
			.param(unitId)
			.query(String.class)
			.list();
	}

}
