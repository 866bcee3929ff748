package chengguan.fieldwork;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import chengguan.organization.RegionLevel;
import chengguan.organization.RegionService;
import chengguan.organization.RegionView;
import chengguan.platform.PlatformProperties;
import chengguan.platform.audit.AuditAction;
import chengguan.platform.audit.AuditLog;
import chengguan.platform.security.DataScope;
import chengguan.platform.security.ScopeGuard;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.web.ConflictException;
import chengguan.platform.web.InvalidRequestException;
import chengguan.platform.web.NotFoundException;

import static chengguan.platform.persistence.DbTime.utc;

/**
 * Property companies 物业服务企业 and the compounds they manage. A company is visible to people whose scope covers
 * the region it was registered in or a compound it manages or managed.
 */
@Service
public class PropertyCompanies {

	private static final String COMPANY_COLUMNS = "id, name, credit_code, contact_person, phone, region_path, version";

	private final JdbcClient jdbc;

	private final RegionService regions;

	private final ScopeGuard scopeGuard;

	private final AuditLog auditLog;

	private final PlatformProperties platform;

	private final Clock clock;

	PropertyCompanies(JdbcClient jdbc, RegionService regions, ScopeGuard scopeGuard, AuditLog auditLog,
			PlatformProperties platform, Clock clock) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.scopeGuard = scopeGuard;
		this.auditLog = auditLog;
		this.platform = platform;
		this.clock = clock;
	}

	/** Registers a company in the person's home region. */
	@Transactional
	public PropertyCompany create(PropertyCompanyDetails details, StaffPrincipal who) {
		PropertyCompany company = createUnchecked(details, who.scope().homeRegionPath(), who.username());
		auditLog.record(AuditAction.PROPERTY_COMPANY_SAVED, "property_company", company.id(), describe(details));
		return company;
	}

	/** For demo data and tests: no audit. */
	@Transactional
	public PropertyCompany createUnchecked(PropertyCompanyDetails details, String regionPath, String by) {
		details.check();
		requireFreeName(details.name(), null);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO property_company (name, credit_code, contact_person, phone, region_path, created_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(details.name(), details.creditCode(), details.contactPerson(), details.phone(), regionPath, by,
					utc(clock.instant()))
			.update(keys, "id");
		return find(keys.getKeyAs(Number.class).longValue()).orElseThrow();
	}

	@Transactional
	public PropertyCompany update(long id, long seenVersion, PropertyCompanyDetails details, StaffPrincipal who) {
		PropertyCompany company = get(id, who);
		details.check();
		requireFreeName(details.name(), id);
		int updated = jdbc.sql("""
				UPDATE property_company SET name = ?, credit_code = ?, contact_person = ?, phone = ?, version = version + 1
				WHERE id = ? AND version = ?""")
			.params(details.name(), details.creditCode(), details.contactPerson(), details.phone(), id, seenVersion)
			.update();
		if (updated == 0) {
			throw new OptimisticLockingFailureException("property company " + id + " changed since it was read");
		}
		auditLog.record(AuditAction.PROPERTY_COMPANY_SAVED, "property_company", id,
				"name=" + company.name() + "→" + describe(details));
		return find(id).orElseThrow();
	}

	private static String describe(PropertyCompanyDetails details) {
		return details.name() + " code=" + details.creditCode() + " contact=" + details.contactPerson();
	}

	private void requireFreeName(String name, Long ownId) {
		jdbc.sql("SELECT id FROM property_company WHERE name = ?")
			.param(name)
			.query(Long.class)
			.optional()
			.filter(existing -> !existing.equals(ownId))
			.ifPresent(existing -> {
				throw new ConflictException("property.company.nameTaken", name);
			});
	}

	@Transactional(readOnly = true)
	public Optional<PropertyCompany> find(long id) {
		return jdbc.sql("SELECT " + COMPANY_COLUMNS + " FROM property_company WHERE id = ?")
			.param(id)
			.query(PropertyCompanies::company)
			.optional();
	}

	/** The company, if the person may see it; otherwise 404 and an audit entry. */
	@Transactional(readOnly = true)
	public PropertyCompany get(long id, StaffPrincipal who) {
		PropertyCompany company = find(id).orElseThrow(NotFoundException::new);
		if (!who.scope().covers(company.regionPath()) && !managesWithin(id, who.scope())) {
			scopeGuard.requireCovers(who, company.regionPath(), "property_company", id);
		}
		return company;
	}

	private boolean managesWithin(long companyId, DataScope scope) {
		return jdbc.sql("SELECT COUNT(*) FROM property_management WHERE company_id = ? AND region_path LIKE ?")
			.params(companyId, scope.pathPattern())
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * From {@code from} on, the company manages the compound; the compound's current company (if another) stops
	 * managing it that day. The history is kept.
	 */
	@Transactional
	public void assign(long companyId, long compoundId, LocalDate from, StaffPrincipal who) {
		get(companyId, who);
		RegionView compound = regions.get(compoundId, who);
		assignUnchecked(companyId, compound, from);
		auditLog.record(AuditAction.PROPERTY_MANAGEMENT_SET, "region", compoundId,
				"company=" + companyId + " from=" + from);
	}

	/** For demo data and tests: no scope check, no audit. */
	@Transactional
	public void assignUnchecked(long companyId, RegionView compound, LocalDate from) {
		if (compound.level() != RegionLevel.COMPOUND) {
			throw new InvalidRequestException("property.management.notCompound");
		}
		if (from == null) {
			throw new InvalidRequestException("property.management.fromRequired");
		}
		if (from.isAfter(today())) {
			throw new InvalidRequestException("property.management.fromFuture");
		}
		Optional<CompoundManagement> current = current(compound.id());
		if (current.isPresent()) {
			if (current.get().companyId() == companyId) {
				throw new InvalidRequestException("property.management.alreadyCurrent");
			}
			if (!from.isAfter(current.get().from())) {
				throw new InvalidRequestException("property.management.fromBeforeCurrent", current.get().from());
			}
			jdbc.sql("""
					UPDATE property_management SET until_date = ?, current_for = NULL
					WHERE compound_id = ? AND current_for IS NOT NULL""")
				.params(from, compound.id())
				.update();
		}
		// the unique current_for refuses a second current company if two people assign at once
		jdbc.sql("""
				INSERT INTO property_management (compound_id, company_id, region_path, from_date, current_for)
				VALUES (?, ?, ?, ?, ?)""")
			.params(compound.id(), companyId, compound.path(), from, compound.id())
			.update();
	}

	/** The company managing the compound now, if any. */
	@Transactional(readOnly = true)
	public Optional<CompoundManagement> current(long compoundId) {
		return jdbc.sql("""
				SELECT m.compound_id, m.company_id, c.name, m.from_date, m.until_date
				FROM property_management m JOIN property_company c ON c.id = m.company_id
				WHERE m.current_for = ?""")
			.param(compoundId)
			.query((rs, n) -> new CompoundManagement(rs.getLong(1),
					regions.find(rs.getLong(1)).map(RegionView::name).orElse(""), rs.getLong(2), rs.getString(3),
					rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class)))
			.optional();
	}

	/** The compounds in the person's scope, in tree order, with the company managing each now (if any). */
	@Transactional(readOnly = true)
	public List<CompoundChoice> compounds(StaffPrincipal who) {
		Map<Long, CompoundManagement> managed = currentManagements(who.scope()).stream()
			.collect(Collectors.toMap(CompoundManagement::compoundId, Function.identity()));
		return regions.within(who.scope())
			.stream()
			.filter(region -> region.level() == RegionLevel.COMPOUND)
			.map(region -> new CompoundChoice(region, managed.get(region.id())))
			.toList();
	}

	/** A compound to choose in a form, with its current management (null if no company manages it). */
	public record CompoundChoice(RegionView compound, CompoundManagement management) {

	}

	private List<CompoundManagement> currentManagements(DataScope scope) {
		Map<Long, String> names = compoundNames(scope);
		return jdbc.sql("""
				SELECT m.compound_id, m.company_id, c.name, m.from_date, m.until_date
				FROM property_management m JOIN property_company c ON c.id = m.company_id
				WHERE m.current_for IS NOT NULL AND m.region_path LIKE ?
				ORDER BY m.region_path""")
			.param(scope.pathPattern())
			.query((rs, n) -> new CompoundManagement(rs.getLong(1), names.getOrDefault(rs.getLong(1), ""),
					rs.getLong(2), rs.getString(3), rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class)))
			.list();
	}

	/** Every compound the company manages or managed in the person's scope, newest first per compound. */
	@Transactional(readOnly = true)
	public List<CompoundManagement> managements(long companyId, StaffPrincipal who) {
		PropertyCompany company = get(companyId, who);
		Map<Long, String> names = compoundNames(who.scope());
		return jdbc.sql("""
				SELECT compound_id, from_date, until_date FROM property_management
				WHERE company_id = ? AND region_path LIKE ?
				ORDER BY region_path, from_date DESC""")
			.params(companyId, who.scope().pathPattern())
			.query((rs, n) -> new CompoundManagement(rs.getLong(1), names.getOrDefault(rs.getLong(1), ""), companyId,
					company.name(), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)))
			.list();
	}

	private Map<Long, String> compoundNames(DataScope scope) {
		Map<Long, String> names = new HashMap<>();
		regions.within(scope)
			.stream()
			.filter(region -> region.level() == RegionLevel.COMPOUND)
			.forEach(region -> names.put(region.id(), region.name()));
		return names;
	}

	/**
	 * The companies the person may see, by name, with their current compounds in scope, their latest and average
	 * inspection totals and their awaiting and overdue rectification notices, all counted within the scope.
	 */
	@Transactional(readOnly = true)
	public List<PropertyCompanyOverview> overview(StaffPrincipal who) {
		String pattern = who.scope().pathPattern();
		List<PropertyCompany> companies = jdbc.sql("""
				SELECT c.id, c.name, c.credit_code, c.contact_person, c.phone, c.region_path, c.version
				FROM property_company c
				WHERE c.region_path LIKE ?
				   OR EXISTS (SELECT 1 FROM property_management m WHERE m.company_id = c.id AND m.region_path LIKE ?)
				ORDER BY c.name""")
			.params(pattern, pattern)
			.query(PropertyCompanies::company)
			.list();
		Map<Long, List<CompoundManagement>> compounds = currentManagements(who.scope()).stream()
			.collect(Collectors.groupingBy(CompoundManagement::companyId));
		record Totals(int count, long sum) {
		}
		Map<Long, Totals> totals = new HashMap<>();
		jdbc.sql("""
				SELECT company_id, COUNT(*), SUM(total_score) FROM property_inspection WHERE region_path LIKE ?
				GROUP BY company_id""")
			.param(pattern)
			.query(rs -> {
				totals.put(rs.getLong(1), new Totals(rs.getInt(2), rs.getLong(3)));
			});
		record Latest(LocalDate date, int total) {
		}
		Map<Long, Latest> latest = new HashMap<>();
		jdbc.sql("""
				SELECT company_id, inspection_date, total_score FROM (
				    SELECT company_id, inspection_date, total_score,
				           ROW_NUMBER() OVER (PARTITION BY company_id ORDER BY inspection_date DESC, id DESC) AS rank_no
				    FROM property_inspection WHERE region_path LIKE ?) ranked
				WHERE rank_no = 1""")
			.param(pattern)
			.query(rs -> {
				latest.put(rs.getLong(1), new Latest(rs.getObject(2, LocalDate.class), rs.getInt(3)));
			});
		Map<Long, int[]> notices = new HashMap<>();
		LocalDate today = today();
		jdbc.sql("""
				SELECT company_id, status, deadline FROM property_rectification
				WHERE status <> 'RECTIFIED' AND region_path LIKE ?""")
			.param(pattern)
			.query(rs -> {
				int[] counts = notices.computeIfAbsent(rs.getLong(1), key -> new int[2]);
				counts[0]++;
				if (RectificationNotice.overdue(RectificationStatus.valueOf(rs.getString(2)),
						rs.getObject(3, LocalDate.class), today)) {
					counts[1]++;
				}
			});
		List<PropertyCompanyOverview> rows = new ArrayList<>(companies.size());
		for (PropertyCompany company : companies) {
			Totals total = totals.get(company.id());
			Latest last = latest.get(company.id());
			int[] open = notices.getOrDefault(company.id(), new int[2]);
			rows.add(new PropertyCompanyOverview(company, compounds.getOrDefault(company.id(), List.of()),
					last == null ? null : last.date(), last == null ? null : last.total(),
					total == null ? null
							: BigDecimal.valueOf(total.sum()).divide(BigDecimal.valueOf(total.count()), 1, RoundingMode.HALF_UP),
					total == null ? 0 : total.count(), open[0], open[1]));
		}
		return rows;
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), platform.timeZone());
	}

	private static PropertyCompany company(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new PropertyCompany(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getLong(7));
	}

}
