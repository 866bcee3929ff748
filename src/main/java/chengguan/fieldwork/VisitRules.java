package chengguan.fieldwork;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import chengguan.organization.RegionService;
import chengguan.organization.RegionView;
import chengguan.platform.audit.AuditAction;
import chengguan.platform.audit.AuditLog;
import chengguan.platform.security.ScopeGuard;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.web.NotFoundException;

/** Visit rules per region: a region without its own rule follows its nearest ancestor's (city → district → street). */
@Service
public class VisitRules {

	private final JdbcClient jdbc;

	private final RegionService regions;

	private final ScopeGuard scopeGuard;

	private final AuditLog auditLog;

	VisitRules(JdbcClient jdbc, RegionService regions, ScopeGuard scopeGuard, AuditLog auditLog) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.scopeGuard = scopeGuard;
		this.auditLog = auditLog;
	}

	/** The rule that applies to a region: its own, or the nearest ancestor's; empty if none up to the root. */
	@Transactional(readOnly = true)
	public Optional<VisitRule> applying(long regionId) {
		RegionView region = regions.find(regionId).orElseThrow(NotFoundException::new);
		List<RegionView> lineage = regions.lineage(region);
		for (int i = lineage.size() - 1; i >= 0; i--) {
			Optional<VisitRule> own = own(lineage.get(i).id());
			if (own.isPresent()) {
				return own;
			}
		}
		return Optional.empty();
	}

	@Transactional(readOnly = true)
	public Optional<VisitRule> own(long regionId) {
		return jdbc.sql("""
				SELECT region_id, period, min_visits, min_minutes_per_visit, fixed_days_per_month, source
				FROM visit_rule WHERE region_id = ?""")
			.param(regionId)
			.query((rs, n) -> new VisitRule(rs.getLong(1), VisitPeriod.valueOf(rs.getString(2)), rs.getInt(3),
					rs.getInt(4), rs.getInt(5), rs.getString(6)))
			.optional();
	}

	/** Sets (or replaces) a region's own rule; its subtree follows unless a lower region has its own. */
	@Transactional
	public void set(VisitRule rule, StaffPrincipal who) {
		RegionView region = regions.find(rule.regionId()).orElseThrow(NotFoundException::new);
		scopeGuard.requireCovers(who, region.path(), "region", region.id());
		setUnchecked(rule);
		auditLog.record(AuditAction.VISIT_RULE_SET, "region", region.id(), rule.toString());
	}

	/** For demo data and tests: no scope check, no audit. */
	@Transactional
	public void setUnchecked(VisitRule rule) {
		int updated = jdbc.sql("""
				UPDATE visit_rule SET period = ?, min_visits = ?, min_minutes_per_visit = ?, fixed_days_per_month = ?,
				    source = ?, version = version + 1
				WHERE region_id = ?""")
			.params(rule.period().name(), rule.minVisits(), rule.minMinutesPerVisit(), rule.fixedDaysPerMonth(),
					rule.source(), rule.regionId())
			.update();
		if (updated == 0) {
			jdbc.sql("""
					INSERT INTO visit_rule (region_id, period, min_visits, min_minutes_per_visit, fixed_days_per_month, source)
					VALUES (?, ?, ?, ?, ?, ?)""")
				.params(rule.regionId(), rule.period().name(), rule.minVisits(), rule.minMinutesPerVisit(),
						rule.fixedDaysPerMonth(), rule.source())
				.update();
		}
	}

	/** Removes a region's own rule: it follows its ancestors again. */
	@Transactional
	public void clear(long regionId, StaffPrincipal who) {
		RegionView region = regions.find(regionId).orElseThrow(NotFoundException::new);
		scopeGuard.requireCovers(who, region.path(), "region", regionId);
		jdbc.sql("DELETE FROM visit_rule WHERE region_id = ?").param(regionId).update();
		auditLog.record(AuditAction.VISIT_RULE_SET, "region", regionId, "cleared");
	}

}
