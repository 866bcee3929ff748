package chengguan.fieldwork;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
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
 * Rectification notices 整改通知: issued from an inspection for its deducted items with a deadline; a passed
 * re-inspection closes one (RECTIFIED), a failed one (FAILED) sets the next deadline. Still awaiting a
 * re-inspection after the deadline day, a notice is overdue (逾期).
 */
@Service
public class RectificationNotices {

	private static final Logger log = LoggerFactory.getLogger(RectificationNotices.class);

	private final JdbcClient jdbc;

	private final PropertyInspections inspections;

	private final RegionService regions;

	private final ScopeGuard scopeGuard;

	private final PlatformProperties platform;

	private final Clock clock;

	RectificationNotices(JdbcClient jdbc, PropertyInspections inspections, RegionService regions,
			ScopeGuard scopeGuard, PlatformProperties platform, Clock clock) {
		this.jdbc = jdbc;
		this.inspections = inspections;
		this.regions = regions;
		this.scopeGuard = scopeGuard;
		this.platform = platform;
		this.clock = clock;
	}

	/** Issues the inspection's notice, dated today: what to fix for some of its deducted items, by a deadline. */
	@Transactional
	public long issue(long inspectionId, NoticeEntry entry, StaffPrincipal who) {
		return insert(inspections.get(inspectionId, who), entry, who.username(), today());
	}

	/** For demo data and tests: no scope check, issued on the given day. */
	@Transactional
	public long issueUnchecked(long inspectionId, NoticeEntry entry, String by, LocalDate issuedOn) {
		return insert(inspections.find(inspectionId).orElseThrow(NotFoundException::new), entry, by, issuedOn);
	}

	private long insert(PropertyInspection inspection, NoticeEntry entry, String by, LocalDate issuedOn) {
		if (inspection.noticeId() != null) {
			throw new InvalidRequestException("property.notice.exists");
		}
		if (!inspection.hasDeductions()) {
			throw new InvalidRequestException("property.notice.nothingDeducted");
		}
		List<RectificationNotice.Item> items = new ArrayList<>();
		for (PropertyInspection.Score score : inspection.scores()) {
			String requirement = entry.requirements().get(score.position());
			if (requirement == null || requirement.isBlank()) {
				continue;
			}
			if (!score.deducted()) {
				throw new InvalidRequestException("property.notice.itemNotDeducted", score.itemName());
			}
			if (requirement.strip().length() > 1000) {
				throw new InvalidRequestException("property.notice.requirementTooLong", score.itemName());
			}
			items.add(new RectificationNotice.Item(score.itemName(), requirement.strip()));
		}
		if (items.isEmpty()) {
			throw new InvalidRequestException("property.notice.itemsRequired");
		}
		if (entry.deadline() == null || !entry.deadline().isAfter(issuedOn)) {
			throw new InvalidRequestException("property.notice.deadline");
		}
		String path = jdbc.sql("SELECT region_path FROM property_inspection WHERE id = ?")
			.param(inspection.id())
			.query(String.class)
			.single();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO property_rectification (inspection_id, compound_id, region_path, company_id, issued_on,
				    deadline, status, issued_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(inspection.id(), inspection.compoundId(), path, inspection.companyId(), issuedOn, entry.deadline(),
					RectificationStatus.OPEN.name(), by, utc(clock.instant()))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		int position = 0;
		for (RectificationNotice.Item item : items) {
			jdbc.sql("""
					INSERT INTO property_rectification_item (rectification_id, position, item_name, requirement)
					VALUES (?, ?, ?, ?)""")
				.params(id, position++, item.itemName(), item.requirement())
				.update();
		}
		log.info("Rectification notice {} from inspection {}, deadline {}", id, inspection.id(), entry.deadline());
		return id;
	}

	/**
	 * Records a re-inspection of a notice awaiting one: passed → RECTIFIED; failed → FAILED with the next deadline.
	 */
	@Transactional
	public RectificationNotice reinspect(long noticeId, long seenVersion, ReinspectionEntry entry, StaffPrincipal who) {
		RectificationNotice notice = get(noticeId, who);
		return record(notice, seenVersion, entry, who.username(), who.displayName());
	}

	/** For demo data and tests: no scope check. */
	@Transactional
	public RectificationNotice reinspectUnchecked(long noticeId, ReinspectionEntry entry, String inspector,
			String inspectorName) {
		RectificationNotice notice = find(noticeId).orElseThrow(NotFoundException::new);
		return record(notice, notice.version(), entry, inspector, inspectorName);
	}

	private RectificationNotice record(RectificationNotice notice, long seenVersion, ReinspectionEntry entry,
			String inspector, String inspectorName) {
		if (!notice.status().awaitsReinspection()) {
			throw new InvalidRequestException("property.notice.closed");
		}
		LocalDate today = today();
		if (entry.date() == null || entry.date().isAfter(today) || entry.date().isBefore(notice.issuedOn())) {
			throw new InvalidRequestException("property.reinspection.date");
		}
		String note = entry.note() == null ? "" : entry.note().strip();
		if (note.isEmpty() || note.length() > 1000) {
			throw new InvalidRequestException("property.reinspection.note");
		}
		LocalDate newDeadline = null;
		if (!entry.passed()) {
			if (entry.newDeadline() == null || !entry.newDeadline().isAfter(entry.date())
					|| entry.newDeadline().isBefore(today)) {
				throw new InvalidRequestException("property.reinspection.newDeadline");
			}
			newDeadline = entry.newDeadline();
		}
		RectificationStatus next = entry.passed() ? RectificationStatus.RECTIFIED : RectificationStatus.FAILED;
		int updated = jdbc.sql("""
				UPDATE property_rectification SET status = ?, deadline = ?, version = version + 1
				WHERE id = ? AND version = ?""")
			.params(next.name(), newDeadline != null ? newDeadline : notice.deadline(), notice.id(), seenVersion)
			.update();
		if (updated == 0) {
			throw new OptimisticLockingFailureException("notice " + notice.id() + " changed since it was read");
		}
		jdbc.sql("""
				INSERT INTO property_reinspection (rectification_id, reinspection_date, passed, note, previous_deadline,
				    new_deadline, inspector, inspector_name, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(notice.id(), entry.date(), entry.passed(), note, notice.deadline(), newDeadline, inspector,
					inspectorName, utc(clock.instant()))
			.update();
		log.info("Rectification notice {} re-inspected: {}", notice.id(), next);
		return find(notice.id()).orElseThrow();
	}

	/** The notice, if its compound lies in the person's scope; otherwise 404 and an audit entry. */
	@Transactional(readOnly = true)
	public RectificationNotice get(long id, StaffPrincipal who) {
		String path = jdbc.sql("SELECT region_path FROM property_rectification WHERE id = ?")
			.param(id)
			.query(String.class)
			.optional()
			.orElseThrow(NotFoundException::new);
		scopeGuard.requireCovers(who, path, "property_rectification", id);
		return find(id).orElseThrow(NotFoundException::new);
	}

	@Transactional(readOnly = true)
	public java.util.Optional<RectificationNotice> find(long id) {
		List<RectificationNotice.Item> items = jdbc.sql("""
				SELECT item_name, requirement FROM property_rectification_item WHERE rectification_id = ?
				ORDER BY position""")
			.param(id)
			.query((rs, n) -> new RectificationNotice.Item(rs.getString(1), rs.getString(2)))
			.list();
		List<RectificationNotice.Reinspection> reinspections = jdbc.sql("""
				SELECT reinspection_date, passed, note, previous_deadline, new_deadline, inspector_name
				FROM property_reinspection WHERE rectification_id = ? ORDER BY reinspection_date, id""")
			.param(id)
			.query((rs, n) -> new RectificationNotice.Reinspection(rs.getObject(1, LocalDate.class), rs.getBoolean(2),
					rs.getString(3), rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class),
					rs.getString(6)))
			.list();
		LocalDate today = today();
		return jdbc.sql("""
				SELECT r.id, r.inspection_id, r.compound_id, r.company_id, c.name, r.issued_on, r.deadline, r.status,
				    r.issued_by, r.version
				FROM property_rectification r JOIN property_company c ON c.id = r.company_id
				WHERE r.id = ?""")
			.param(id)
			.query((rs, n) -> notice(rs, regions.find(rs.getLong(3)).map(RegionView::name).orElse(""), today, items,
					reinspections))
			.optional();
	}

	/**
	 * Notices of compounds in the person's scope, overdue ones first, then by deadline; without their items.
	 *
	 * @param awaitingOnly leave out rectified ones
	 */
	@Transactional(readOnly = true)
	public List<RectificationNotice> list(StaffPrincipal who, boolean awaitingOnly) {
		Map<Long, String> names = new HashMap<>();
		regions.within(who.scope())
			.stream()
			.filter(region -> region.level() == RegionLevel.COMPOUND)
			.forEach(region -> names.put(region.id(), region.name()));
		LocalDate today = today();
		List<RectificationNotice> notices = jdbc.sql("""
				SELECT r.id, r.inspection_id, r.compound_id, r.company_id, c.name, r.issued_on, r.deadline, r.status,
				    r.issued_by, r.version
				FROM property_rectification r JOIN property_company c ON c.id = r.company_id
				WHERE r.region_path LIKE ?""" + (awaitingOnly ? " AND r.status <> 'RECTIFIED'" : "")
				+ " ORDER BY r.deadline, r.id")
			.param(who.scope().pathPattern())
			.query((rs, n) -> notice(rs, names.getOrDefault(rs.getLong(3), ""), today, List.of(), List.of()))
			.list();
		List<RectificationNotice> ordered = new ArrayList<>(notices.stream().filter(RectificationNotice::overdue).toList());
		notices.stream().filter(notice -> !notice.overdue()).forEach(ordered::add);
		return ordered;
	}

	private static RectificationNotice notice(java.sql.ResultSet rs, String compoundName, LocalDate today,
			List<RectificationNotice.Item> items, List<RectificationNotice.Reinspection> reinspections)
			throws java.sql.SQLException {
		RectificationStatus status = RectificationStatus.valueOf(rs.getString(8));
		LocalDate deadline = rs.getObject(7, LocalDate.class);
		return new RectificationNotice(rs.getLong(1), rs.getLong(2), rs.getLong(3), compoundName, rs.getLong(4),
				rs.getString(5), rs.getObject(6, LocalDate.class), deadline, status, rs.getString(9), rs.getLong(10),
				RectificationNotice.overdue(status, deadline, today), items, reinspections);
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), platform.timeZone());
	}

}
