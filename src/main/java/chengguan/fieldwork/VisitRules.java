package chengguan.fieldwork;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import chengguan.organization.RegionService;
import chengguan.organization.RegionView;
import chengguan.platform.PlatformProperties;
import chengguan.platform.audit.AuditAction;
import chengguan.platform.audit.AuditLog;
import chengguan.platform.security.ScopeGuard;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.web.NotFoundException;

/**
 * Visit rules per region: a region without its own rule follows its nearest ancestor's (city → district → street).
 * Every change is a version with the date from which it applies, so the compliance of a period is measured with the
 * rules in force on its last day (or today while it runs), and a change never rewrites a period that ended before
 * it. A region's first rule applies since always unless it is given a date.
 */
@Service
public class VisitRules {

	static final LocalDate SINCE_ALWAYS = LocalDate.of(2000, 1, 1);

	private final JdbcClient jdbc;

	private final RegionService regions;

	private final ScopeGuard scopeGuard;

	private final AuditLog auditLog;

	private final Clock clock;

	private final PlatformProperties platform;

	VisitRules(JdbcClient jdbc, RegionService regions, ScopeGuard scopeGuard, AuditLog auditLog, Clock clock,
			PlatformProperties platform) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.scopeGuard = scopeGuard;
		this.auditLog = auditLog;
		this.clock = clock;
		this.platform = platform;
	}

	/** Today in the platform's time zone: the default date a change applies from. */
	public LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), platform.timeZone());
	}

	/** The day whose rules measure a range: its last day, or today while it runs. */
	public LocalDate asOf(LocalDate rangeEnd) {
		LocalDate today = today();
		return rangeEnd.isAfter(today) ? today : rangeEnd;
	}

	/** The rule that applies to a region today: its own, or the nearest ancestor's; empty if none up to the root. */
	@Transactional(readOnly = true)
	public Optional<VisitRule> applying(long regionId) {
		return applying(regionId, today());
	}

	/** The rule that applied to a region on that day. */
	@Transactional(readOnly = true)
	public Optional<VisitRule> applying(long regionId, LocalDate on) {
		RegionView region = regions.find(regionId).orElseThrow(NotFoundException::new);
		List<RegionView> lineage = regions.lineage(region);
		for (int i = lineage.size() - 1; i >= 0; i--) {
			Optional<VisitRule> own = own(lineage.get(i).id(), on);
			if (own.isPresent()) {
				return own;
			}
		}
		return Optional.empty();
	}

	@Transactional(readOnly = true)
	public Optional<VisitRule> own(long regionId) {
		return own(regionId, today());
	}

	/** A region's own rule in force on that day: its latest version from that day or before, unless that cleared it. */
	@Transactional(readOnly = true)
	public Optional<VisitRule> own(long regionId, LocalDate on) {
		record Version(boolean cleared, VisitRule rule) {
		}
		Optional<Version> version = jdbc.sql("""
				SELECT cleared, period, min_visits, min_minutes_per_visit, fixed_days_per_month, source
				FROM visit_rule_version WHERE region_id = ? AND effective_from <= ?
				ORDER BY effective_from DESC LIMIT 1""")
			.params(regionId, on)
			.query((rs, n) -> rs.getBoolean(1) ? new Version(true, null)
					: new Version(false, new VisitRule(regionId, VisitPeriod.valueOf(rs.getString(2)), rs.getInt(3),
							rs.getInt(4), rs.getInt(5), rs.getString(6))))
			.optional();
		if (version.isPresent()) {
			return Optional.ofNullable(version.get().rule());
		}
		if (hasVersions(regionId)) {
			return Optional.empty(); // its first rule starts later
		}
		// a rule written without versions (before they existed, or by SQL): as it was
		return jdbc.sql("""
				SELECT region_id, period, min_visits, min_minutes_per_visit, fixed_days_per_month, source
				FROM visit_rule WHERE region_id = ?""")
			.param(regionId)
			.query((rs, n) -> new VisitRule(rs.getLong(1), VisitPeriod.valueOf(rs.getString(2)), rs.getInt(3),
					rs.getInt(4), rs.getInt(5), rs.getString(6)))
			.optional();
	}

	private boolean hasVersions(long regionId) {
		return jdbc.sql("SELECT COUNT(*) FROM visit_rule_version WHERE region_id = ?")
			.param(regionId)
			.query(Integer.class)
			.single() > 0;
	}

	/** Sets a region's own rule from today (since always if it is the region's first); see {@link #set(VisitRule, LocalDate, StaffPrincipal)}. */
	@Transactional
	public void set(VisitRule rule, StaffPrincipal who) {
		set(rule, null, who);
	}

	/**
	 * Sets (or replaces) a region's own rule from {@code effectiveFrom}; its subtree follows unless a lower region
	 * has its own. Periods that ended before that day keep the rule they were measured with.
	 */
	@Transactional
	public void set(VisitRule rule, LocalDate effectiveFrom, StaffPrincipal who) {
		RegionView region = regions.find(rule.regionId()).orElseThrow(NotFoundException::new);
		scopeGuard.requireCovers(who, region.path(), "region", region.id());
		LocalDate from = setUnchecked(rule, effectiveFrom);
		auditLog.record(AuditAction.VISIT_RULE_SET, "region", region.id(), "from " + from + ": " + rule);
	}

	/** For demo data and tests: no scope check, no audit. */
	@Transactional
	public void setUnchecked(VisitRule rule) {
		setUnchecked(rule, null);
	}

	/**
	 * For demo data and tests: no scope check, no audit.
	 * @param effectiveFrom null: today, or since always for the region's first rule
	 * @return the day the rule applies from
	 */
	@Transactional
	public LocalDate setUnchecked(VisitRule rule, LocalDate effectiveFrom) {
		LocalDate from = effectiveFrom != null ? effectiveFrom
				: hasVersions(rule.regionId()) || own(rule.regionId(), SINCE_ALWAYS).isPresent() ? today() : SINCE_ALWAYS;
		keepLegacyAsFirstVersion(rule.regionId());
		saveVersion(rule.regionId(), from, rule);
		// the plain table keeps the latest rule set, for anything that still reads it
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
		return from;
	}

	/** Removes a region's own rule from today: it follows its ancestors again; earlier periods keep it. */
	@Transactional
	public void clear(long regionId, StaffPrincipal who) {
		RegionView region = regions.find(regionId).orElseThrow(NotFoundException::new);
		scopeGuard.requireCovers(who, region.path(), "region", regionId);
		keepLegacyAsFirstVersion(regionId);
		saveVersion(regionId, today(), null);
		jdbc.sql("DELETE FROM visit_rule WHERE region_id = ?").param(regionId).update();
		auditLog.record(AuditAction.VISIT_RULE_SET, "region", regionId, "cleared from " + today());
	}

	/** A rule written without versions becomes the region's first version, so its past stays measured by it. */
	private void keepLegacyAsFirstVersion(long regionId) {
		if (hasVersions(regionId)) {
			return;
		}
		own(regionId, SINCE_ALWAYS).ifPresent(legacy -> saveVersion(regionId, SINCE_ALWAYS, legacy));
	}

	/** One version; a version with the same date is replaced. A null rule clears the region's own rule. */
	private void saveVersion(long regionId, LocalDate from, VisitRule rule) {
		jdbc.sql("DELETE FROM visit_rule_version WHERE region_id = ? AND effective_from = ?").params(regionId, from)
			.update();
		jdbc.sql("""
				INSERT INTO visit_rule_version (region_id, effective_from, cleared, period, min_visits,
				    min_minutes_per_visit, fixed_days_per_month, source, recorded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(regionId, from, rule == null, rule == null ? null : rule.period().name(),
					rule == null ? null : rule.minVisits(), rule == null ? null : rule.minMinutesPerVisit(),
					rule == null ? null : rule.fixedDaysPerMonth(), rule == null ? null : rule.source(),
					OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.update();
	}

}
