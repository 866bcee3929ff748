package chengguan.fieldwork;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import chengguan.organization.RegionLevel;
import chengguan.organization.RegionService;
import chengguan.organization.RegionView;
import chengguan.platform.PlatformProperties;
import chengguan.platform.security.ScopeGuard;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.web.InvalidRequestException;
import chengguan.platform.web.NotFoundException;

import static chengguan.platform.persistence.DbTime.utc;

/**
 * Property inspections 物业监督检查: a compound scored against a checklist, charged to the company managing it on
 * the day. Only compounds in the inspector's scope.
 */
@Service
public class PropertyInspections {

	private static final Logger log = LoggerFactory.getLogger(PropertyInspections.class);

	private final JdbcClient jdbc;

	private final RegionService regions;

	private final ScopeGuard scopeGuard;

	private final PropertyCompanies companies;

	private final PropertyChecklists checklists;

	private final PlatformProperties platform;

	private final Clock clock;

	PropertyInspections(JdbcClient jdbc, RegionService regions, ScopeGuard scopeGuard, PropertyCompanies companies,
			PropertyChecklists checklists, PlatformProperties platform, Clock clock) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.scopeGuard = scopeGuard;
		this.companies = companies;
		this.checklists = checklists;
		this.platform = platform;
		this.clock = clock;
	}

	/** Records an inspection by the signed-in person; returns its id. */
	@Transactional
	public long record(InspectionEntry entry, StaffPrincipal who) {
		RegionView compound = regions.get(entry.compoundId(), who);
		return insert(entry, compound, who.username(), who.displayName());
	}

	/** For demo data and tests: no scope check. */
	@Transactional
	public long recordUnchecked(InspectionEntry entry, String inspector, String inspectorName) {
		return insert(entry, regions.find(entry.compoundId()).orElseThrow(NotFoundException::new), inspector,
				inspectorName);
	}

	private long insert(InspectionEntry entry, RegionView compound, String inspector, String inspectorName) {
		if (compound.level() != RegionLevel.COMPOUND) {
			throw new InvalidRequestException("property.management.notCompound");
		}
		if (entry.date() == null) {
			throw new InvalidRequestException("property.inspection.dateRequired");
		}
		if (entry.date().isAfter(today())) {
			throw new InvalidRequestException("property.inspection.dateFuture");
		}
		if (entry.note() != null && entry.note().length() > 2000) {
			throw new InvalidRequestException("property.inspection.noteTooLong");
		}
		CompoundManagement management = companies.current(compound.id())
			.orElseThrow(() -> new InvalidRequestException("property.inspection.noCompany"));
		PropertyChecklist checklist = checklists.find(entry.checklistId())
			.orElseThrow(() -> new InvalidRequestException("property.checklist.changed"));
		if (checklist.version() != entry.checklistVersion()) {
			throw new InvalidRequestException("property.checklist.changed");
		}
		PropertyChecklist.ScoreSheet sheet = checklist.score(entry.scores());
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO property_inspection (compound_id, region_path, company_id, checklist_id, checklist_name,
				    inspection_date, inspector, inspector_name, total_score, grade, note, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(compound.id(), compound.path(), management.companyId(), checklist.id(), checklist.name(),
					entry.date(), inspector, inspectorName, sheet.total(), sheet.grade().name(),
					entry.note() == null || entry.note().isBlank() ? null : entry.note().strip(), utc(clock.instant()))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		for (PropertyInspection.Score score : sheet.scores()) {
			jdbc.sql("""
					INSERT INTO property_inspection_score (inspection_id, position, item_name, max_score, score, remark)
					VALUES (?, ?, ?, ?, ?, ?)""")
				.params(id, score.position(), score.itemName(), score.maxScore(), score.score(), score.remark())
				.update();
		}
		log.info("Property inspection {} of compound {}: {} ({})", id, compound.id(), sheet.total(), sheet.grade());
		return id;
	}

	/** The inspection, if its compound lies in the person's scope; otherwise 404 and an audit entry. */
	@Transactional(readOnly = true)
	public PropertyInspection get(long id, StaffPrincipal who) {
		PropertyInspection inspection = find(id).orElseThrow(NotFoundException::new);
		String path = jdbc.sql("SELECT region_path FROM property_inspection WHERE id = ?").param(id)
			.query(String.class)
			.single();
		scopeGuard.requireCovers(who, path, "property_inspection", id);
		return inspection;
	}

	@Transactional(readOnly = true)
	public Optional<PropertyInspection> find(long id) {
		List<PropertyInspection.Score> scores = jdbc.sql("""
				SELECT position, item_name, max_score, score, remark FROM property_inspection_score
				WHERE inspection_id = ? ORDER BY position""")
			.param(id)
			.query((rs, n) -> new PropertyInspection.Score(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
					rs.getString(5)))
			.list();
		return jdbc.sql("""
				SELECT i.id, i.compound_id, i.company_id, c.name, i.checklist_name, i.inspection_date, i.inspector,
				    i.inspector_name, i.total_score, i.grade, i.note, r.id
				FROM property_inspection i
				JOIN property_company c ON c.id = i.company_id
				LEFT JOIN property_rectification r ON r.inspection_id = i.id
				WHERE i.id = ?""")
			.param(id)
			.query((rs, n) -> new PropertyInspection(rs.getLong(1), rs.getLong(2),
					regions.find(rs.getLong(2)).map(RegionView::name).orElse(""), rs.getLong(3), rs.getString(4),
					rs.getString(5), rs.getObject(6, LocalDate.class), rs.getString(7), rs.getString(8), rs.getInt(9),
					PropertyGrade.valueOf(rs.getString(10)), rs.getString(11), scores, rs.getObject(12, Long.class)))
			.optional();
	}

	/**
	 * The company's inspections of compounds in the person's scope, oldest first (the score trend), without their
	 * item scores.
	 */
	@Transactional(readOnly = true)
	public List<PropertyInspection> history(long companyId, StaffPrincipal who) {
		PropertyCompany company = companies.get(companyId, who);
		Map<Long, String> names = new HashMap<>();
		regions.within(who.scope())
			.stream()
			.filter(region -> region.level() == RegionLevel.COMPOUND)
			.forEach(region -> names.put(region.id(), region.name()));
		return jdbc.sql("""
				SELECT i.id, i.compound_id, i.checklist_name, i.inspection_date, i.inspector, i.inspector_name,
				    i.total_score, i.grade, i.note, r.id
				FROM property_inspection i
				LEFT JOIN property_rectification r ON r.inspection_id = i.id
				WHERE i.company_id = ? AND i.region_path LIKE ?
				ORDER BY i.inspection_date, i.id""")
			.params(companyId, who.scope().pathPattern())
			.query((rs, n) -> new PropertyInspection(rs.getLong(1), rs.getLong(2),
					names.getOrDefault(rs.getLong(2), ""), companyId, company.name(), rs.getString(3),
					rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), rs.getInt(7),
					PropertyGrade.valueOf(rs.getString(8)), rs.getString(9), List.of(),
					rs.getObject(10, Long.class)))
			.list();
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), platform.timeZone());
	}

}
