package chengguan.fieldwork;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import chengguan.platform.security.OutOfScopeException;
import chengguan.support.IntegrationTest;
import chengguan.support.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rules are inherited down the region tree: city default, district and street overrides. */
@IntegrationTest
class VisitRulesTest {

	@Autowired
	VisitRules rules;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAccounts accounts;

	private long region(String code) {
		return jdbc.sql("SELECT id FROM region WHERE code = ?").param(code).query(Long.class).single();
	}

	@BeforeEach
	@AfterEach
	void clearRules() {
		jdbc.sql("DELETE FROM visit_rule_version").update();
		jdbc.sql("DELETE FROM visit_rule").update();
	}

	@Test
	void aCommunityFollowsItsNearestAncestorsRule() {
		long city = region("370400");
		long district = region("370471");
		long xingren = region("370471001");
		long deren = region("370471001001");
		long xingcheng = region("370471002007");

		assertThat(rules.applying(deren)).isEmpty();
		rules.setUnchecked(new VisitRule(city, VisitPeriod.MONTH, 1, 0, 0, "市默认：每月至少一次"));
		assertThat(rules.applying(deren)).get().extracting(VisitRule::regionId).isEqualTo(city);

		rules.setUnchecked(new VisitRule(district, VisitPeriod.MONTH, 0, 0, 4, "区：每月固定4天"));
		rules.setUnchecked(new VisitRule(xingren, VisitPeriod.WEEK, 1, 120, 0, "街道：每周一次，每次2小时"));
		assertThat(rules.applying(deren)).get().satisfies(rule -> {
			assertThat(rule.regionId()).isEqualTo(xingren);
			assertThat(rule.period()).isEqualTo(VisitPeriod.WEEK);
			assertThat(rule.minMinutesPerVisit()).isEqualTo(120);
		});
		assertThat(rules.applying(xingcheng)).get().extracting(VisitRule::fixedDaysPerMonth).isEqualTo(4);

		rules.setUnchecked(new VisitRule(xingren, VisitPeriod.WEEK, 2, 60, 0, "街道：每周两次"));
		assertThat(rules.applying(deren)).get().extracting(VisitRule::minVisits).isEqualTo(2);
	}

	@Test
	void aStreetUserCannotSetAnotherStreetsRule() {
		long xingcheng = region("370471002");
		assertThatThrownBy(() -> rules.set(new VisitRule(xingcheng, VisitPeriod.MONTH, 1, 0, 0, null),
				accounts.principal("xingren")))
			.isInstanceOf(OutOfScopeException.class);
		rules.set(new VisitRule(region("370471001"), VisitPeriod.MONTH, 2, 0, 0, "街道规则"), accounts.principal("xingren"));
		assertThat(rules.own(region("370471001"))).isPresent();
	}

}
