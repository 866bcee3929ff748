package chengguan.organization;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import chengguan.platform.audit.AuditAction;
import chengguan.platform.audit.AuditLog;
import chengguan.platform.persistence.LikePattern;
import chengguan.platform.security.DataScope;
import chengguan.platform.security.ScopeGuard;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.storage.FileStorage;
import chengguan.platform.storage.ImageNormalizer;
import chengguan.platform.storage.StoredFile;
import chengguan.platform.web.InvalidRequestException;
import chengguan.platform.web.NotFoundException;

/**
 * Units and the staff roster. People see the units and staff inside their scope and, read-only, those of the
 * levels above them (a street officer needs the bureau's contacts); they change only what is inside.
 */
@Service
public class RosterService {

	/** Inside the scope, or above it: the region's path is a prefix of the scope's home path. */
	private static final String VISIBLE = "(r.path LIKE ? OR ? LIKE (r.path || '%'))";

	private static final String UNIT_COLUMNS = """
			u.id, u.parent_id, u.kind, u.name, u.region_id, r.name AS region_name, r.path AS region_path,
			u.phone, u.address, u.sort_order, u.active, u.version""";

	private static final RowMapper<UnitView> UNIT_ROW = (rs, row) -> new UnitView(rs.getLong("id"),
			(Long) rs.getObject("parent_id", Long.class), UnitKind.valueOf(rs.getString("kind")), rs.getString("name"),
			rs.getLong("region_id"), rs.getString("region_name"), rs.getString("region_path"), rs.getString("phone"),
			rs.getString("address"), rs.getInt("sort_order"), rs.getBoolean("active"), rs.getLong("version"));

	private final JdbcClient jdbc;

	private final OrgUnitRepository units;

	private final StaffRepository staff;

	private final ScopeGuard scopeGuard;

	private final AuditLog auditLog;

	private final FileStorage files;

	private final ImageNormalizer images;

	RosterService(JdbcClient jdbc, OrgUnitRepository units, StaffRepository staff, ScopeGuard scopeGuard,
			AuditLog auditLog, FileStorage files, ImageNormalizer images) {
		this.jdbc = jdbc;
		this.units = units;
		this.staff = staff;
		this.scopeGuard = scopeGuard;
		this.auditLog = auditLog;
		this.files = files;
		this.images = images;
	}

	// ---- units

	@Transactional(readOnly = true)
	public List<UnitView> visibleUnits(DataScope scope) {
		return jdbc.sql("SELECT " + UNIT_COLUMNS + " FROM org_unit u JOIN region r ON r.id = u.region_id WHERE "
				+ VISIBLE + " ORDER BY r.path, u.sort_order, u.id")
			.params(scope.pathPattern(), scope.homeRegionPath())
			.query(UNIT_ROW)
			.list();
	}

	/** Units whose staff this person may add or move people into. */
	@Transactional(readOnly = true)
	public List<UnitView> editableUnits(DataScope scope) {
		return visibleUnits(scope).stream().filter(unit -> scope.covers(unit.regionPath())).toList();
	}

	@Transactional(readOnly = true)
	public UnitView unit(long id, StaffPrincipal who) {
		UnitView unit = findUnit(id).orElseThrow(NotFoundException::new);
		requireReadable(who, unit.regionPath(), "unit", id);
		return unit;
	}

	@Transactional(readOnly = true)
	public Optional<UnitView> findUnit(long id) {
		return jdbc.sql("SELECT " + UNIT_COLUMNS + " FROM org_unit u JOIN region r ON r.id = u.region_id WHERE u.id = ?")
			.param(id)
			.query(UNIT_ROW)
			.optional();
	}

	@Transactional(readOnly = true)
	public Optional<UnitView> findUnitByName(String name) {
		return units.findByName(name).flatMap(unit -> findUnit(unit.id()));
	}

	@Transactional
	public UnitView createUnit(UnitDetails details, StaffPrincipal who) {
		scopeGuard.requireCovers(who, regionPath(details.regionId()), "region", details.regionId());
		requireEditableParent(details.parentId(), who);
		OrgUnit unit = units.save(OrgUnit.create(details));
		auditLog.record(AuditAction.UNIT_CREATED, "unit", unit.id(), "name=" + details.name() + " kind=" + details.kind());
		return findUnit(unit.id()).orElseThrow();
	}

	@Transactional
	public UnitView updateUnit(long id, long seenVersion, UnitDetails details, StaffPrincipal who) {
		OrgUnit unit = units.findById(id).orElseThrow(NotFoundException::new);
		scopeGuard.requireCovers(who, regionPath(unit.regionId()), "unit", id);
		scopeGuard.requireCovers(who, regionPath(details.regionId()), "region", details.regionId());
		requireEditableParent(details.parentId(), who);
		if (details.parentId() != null && details.parentId() == id) {
			throw new InvalidRequestException("unit.parentIsSelf");
		}
		requireVersion(unit.version(), seenVersion, "unit", id);
		unit.apply(details);
		units.save(unit);
		auditLog.record(AuditAction.UNIT_UPDATED, "unit", id, "name=" + details.name() + " active=" + details.active());
		return findUnit(id).orElseThrow();
	}

	/** For set-up and demo data, which run before anyone signs in. */
	@Transactional
	public UnitView createUnitUnchecked(UnitDetails details) {
		return findUnit(units.save(OrgUnit.create(details)).id()).orElseThrow();
	}

	// ---- staff

	@Transactional(readOnly = true)
	public List<StaffRow> search(RosterQuery query, DataScope scope) {
		StringBuilder sql = new StringBuilder("""
				SELECT s.id, s.name, s.position_title, s.phone, s.active, s.photo_file_id, u.id AS unit_id,
				       u.name AS unit_name, r.name AS region_name
				FROM staff s JOIN org_unit u ON u.id = s.unit_id JOIN region r ON r.id = u.region_id
				WHERE\s""").append(VISIBLE);
		List<Object> params = new ArrayList<>(List.of(scope.pathPattern(), scope.homeRegionPath()));
		if (query.text() != null) {
			sql.append(" AND (s.name LIKE ? ESCAPE '\\' OR s.phone LIKE ? ESCAPE '\\'"
					+ " OR s.position_title LIKE ? ESCAPE '\\' OR u.name LIKE ? ESCAPE '\\')");
			String pattern = LikePattern.containing(query.text());
			params.addAll(List.of(pattern, pattern, pattern, pattern));
		}
		if (query.unitId() != null) {
			sql.append(" AND u.id = ?");
			params.add(query.unitId());
		}
		sql.append(" ORDER BY r.path, u.sort_order, u.id, s.id LIMIT ? OFFSET ?");
		params.add(RosterQuery.PAGE_SIZE + 1);
		params.add(query.page() * RosterQuery.PAGE_SIZE);
		return jdbc.sql(sql.toString())
			.params(params)
			.query((rs, row) -> new StaffRow(rs.getLong("id"), rs.getString("name"), rs.getString("position_title"),
					rs.getString("phone"), rs.getLong("unit_id"), rs.getString("unit_name"),
					rs.getString("region_name"), rs.getBoolean("active"), rs.getString("photo_file_id") != null))
			.list();
	}

	@Transactional(readOnly = true)
	public StaffView staff(long id, StaffPrincipal who) {
		StaffView found = findStaff(id).orElseThrow(NotFoundException::new);
		requireReadable(who, found.unitRegionPath(), "staff", id);
		return found;
	}

	@Transactional(readOnly = true)
	public Optional<StaffView> findStaff(long id) {
		return jdbc.sql("""
				SELECT s.id, s.name, s.unit_id, u.name AS unit_name, r.path AS region_path, s.position_title,
				       s.phone, s.wechat, s.duties, s.photo_file_id, s.active, s.version
				FROM staff s JOIN org_unit u ON u.id = s.unit_id JOIN region r ON r.id = u.region_id
				WHERE s.id = ?""")
			.param(id)
			.query((rs, row) -> new StaffView(rs.getLong("id"), rs.getString("name"), rs.getLong("unit_id"),
					rs.getString("unit_name"), rs.getString("region_path"), rs.getString("position_title"),
					rs.getString("phone"), rs.getString("wechat"), rs.getString("duties"),
					rs.getString("photo_file_id") != null, rs.getBoolean("active"), rs.getLong("version")))
			.optional();
	}

	/**
	 * People who may answer for or serve a community: staff of units inside the person's scope and of the
	 * levels above the community (the bureau's 科室 sit at district level).
	 */
	@Transactional(readOnly = true)
	public List<StaffRow> candidatesFor(String communityPath, DataScope scope) {
		return jdbc.sql("""
				SELECT s.id, s.name, s.position_title, s.phone, s.active, s.photo_file_id, u.id AS unit_id,
				       u.name AS unit_name, r.name AS region_name
				FROM staff s JOIN org_unit u ON u.id = s.unit_id JOIN region r ON r.id = u.region_id
				WHERE s.active = TRUE AND (r.path LIKE ? OR ? LIKE (r.path || '%'))
				ORDER BY r.path, u.sort_order, u.id, s.id""")
			.params(scope.pathPattern(), communityPath)
			.query((rs, row) -> new StaffRow(rs.getLong("id"), rs.getString("name"), rs.getString("position_title"),
					rs.getString("phone"), rs.getLong("unit_id"), rs.getString("unit_name"),
					rs.getString("region_name"), rs.getBoolean("active"), rs.getString("photo_file_id") != null))
			.list();
	}

	@Transactional
	public StaffView createStaff(StaffDetails details, StaffPrincipal who) {
		requireEditableUnit(details.unitId(), who);
		Staff created = staff.save(Staff.create(details));
		auditLog.record(AuditAction.STAFF_CREATED, "staff", created.id(), "name=" + details.name());
		return findStaff(created.id()).orElseThrow();
	}

	/** For set-up and demo data, which run before anyone signs in. */
	@Transactional
	public StaffView createStaffUnchecked(StaffDetails details) {
		return findStaff(staff.save(Staff.create(details)).id()).orElseThrow();
	}

	@Transactional
	public StaffView updateStaff(long id, long seenVersion, StaffDetails details, StaffPrincipal who) {
		Staff person = staff.findById(id).orElseThrow(NotFoundException::new);
		requireEditableUnit(person.unitId(), who);
		requireEditableUnit(details.unitId(), who);
		requireVersion(person.version(), seenVersion, "staff", id);
		person.apply(details);
		staff.save(person);
		auditLog.record(AuditAction.STAFF_UPDATED, "staff", id, "name=" + details.name() + " unit=" + details.unitId()
				+ " active=" + details.active());
		return findStaff(id).orElseThrow();
	}

	/** Checks, re-encodes and keeps a new photo; the old one is removed. */
	@Transactional
	public void replacePhoto(long id, byte[] upload, StaffPrincipal who) {
		Staff person = staff.findById(id).orElseThrow(NotFoundException::new);
		requireEditableUnit(person.unitId(), who);
		byte[] jpeg = images.normalize(upload);
		String previous = person.replacePhoto(files.store(jpeg, ImageNormalizer.OUTPUT_TYPE));
		staff.save(person);
		if (previous != null) {
			files.delete(previous);
		}
		auditLog.record(AuditAction.STAFF_PHOTO_UPDATED, "staff", id, "bytes=" + jpeg.length);
	}

	@Transactional(readOnly = true)
	public Optional<StoredFile> photo(long id, StaffPrincipal who) {
		StaffView person = staff(id, who);
		if (!person.hasPhoto()) {
			return Optional.empty();
		}
		return staff.findById(id).map(Staff::photoFileId).flatMap(files::load);
	}

	private void requireReadable(StaffPrincipal who, String regionPath, String targetType, long id) {
		if (!who.scope().covers(regionPath) && !who.scope().homeRegionPath().startsWith(regionPath)) {
			scopeGuard.requireCovers(who, regionPath, targetType, id);
		}
	}

	private void requireEditableUnit(long unitId, StaffPrincipal who) {
		OrgUnit unit = units.findById(unitId).orElseThrow(NotFoundException::new);
		scopeGuard.requireCovers(who, regionPath(unit.regionId()), "unit", unitId);
	}

	private void requireEditableParent(Long parentId, StaffPrincipal who) {
		if (parentId != null) {
			requireEditableUnit(parentId, who);
		}
	}

	private String regionPath(long regionId) {
		return jdbc.sql("SELECT path FROM region WHERE id = ?")
			.param(regionId)
			.query(String.class)
			.optional()
			.orElseThrow(NotFoundException::new);
	}

	private static void requireVersion(Long current, long seen, String type, long id) {
		if (current == null || current != seen) {
			throw new OptimisticLockingFailureException(type + " " + id + " changed since it was read");
		}
	}

}
