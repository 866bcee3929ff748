package chengguan.engagement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import chengguan.platform.audit.AuditAction;
import chengguan.platform.audit.AuditLog;
import chengguan.platform.web.ConflictException;
import chengguan.platform.web.InvalidRequestException;
import chengguan.platform.web.NotFoundException;

/**
 * The points table of 门前三包积分制, kept by administrators. A change applies to inspections from then on:
 * past inspections keep the names and points they were scored with.
 */
@Service
public class MerchantPointItems {

	static final int MAX_NAME = 50;

	/** One item moves a month's score by at most this much either way. */
	static final int MAX_POINTS = 50;

	private static final String COLUMNS = "id, name, duty, points, active, position, version";

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	MerchantPointItems(JdbcClient jdbc, AuditLog auditLog) {
		this.jdbc = jdbc;
		this.auditLog = auditLog;
	}

	/** Every item, additions first, then deductions, each in table order. */
	@Transactional(readOnly = true)
	public List<MerchantPointItem> all() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM merchant_point_item ORDER BY CASE WHEN points > 0 THEN 0 ELSE 1 END, position, id")
			.query(MerchantPointItems::item)
			.list();
	}

	/** What inspectors can choose from now. */
	@Transactional(readOnly = true)
	public List<MerchantPointItem> active() {
		return all().stream().filter(MerchantPointItem::active).toList();
	}

	@Transactional(readOnly = true)
	public Optional<MerchantPointItem> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM merchant_point_item WHERE id = ?")
			.param(id)
			.query(MerchantPointItems::item)
			.optional();
	}

	@Transactional
	public MerchantPointItem create(String name, FrontageDuty duty, Integer points) {
		String cleanName = checkedName(name, null);
		int value = checkedPoints(points);
		int position = jdbc.sql("SELECT COALESCE(MAX(position), -1) + 1 FROM merchant_point_item").query(Integer.class).single();
		jdbc.sql("INSERT INTO merchant_point_item (name, duty, points, position) VALUES (?, ?, ?, ?)")
			.params(cleanName, duty == null ? null : duty.name(), value, position)
			.update();
		MerchantPointItem item = jdbc.sql("SELECT " + COLUMNS + " FROM merchant_point_item WHERE name = ?")
			.param(cleanName)
			.query(MerchantPointItems::item)
			.single();
		auditLog.record(AuditAction.MERCHANT_POINT_ITEM_SAVED, "merchant_point_item", item.id(),
				cleanName + " " + item.signedPoints());
		return item;
	}

	@Transactional
	public MerchantPointItem update(long id, long seenVersion, String name, FrontageDuty duty, Integer points,
			boolean active) {
		MerchantPointItem before = find(id).orElseThrow(NotFoundException::new);
		String cleanName = checkedName(name, id);
		int value = checkedPoints(points);
		int updated = jdbc.sql("""
				UPDATE merchant_point_item SET name = ?, duty = ?, points = ?, active = ?, version = version + 1
				WHERE id = ? AND version = ?""")
			.params(cleanName, duty == null ? null : duty.name(), value, active, id, seenVersion)
			.update();
		if (updated == 0) {
			throw new OptimisticLockingFailureException("points item " + id + " changed since it was read");
		}
		MerchantPointItem item = find(id).orElseThrow();
		auditLog.record(AuditAction.MERCHANT_POINT_ITEM_SAVED, "merchant_point_item", id, before.name() + " "
				+ before.signedPoints() + " → " + item.name() + " " + item.signedPoints() + (active ? "" : " 停用"));
		return item;
	}

	private String checkedName(String name, Long ownId) {
		String cleanName = Volunteers.required(name, MAX_NAME, "merchant.item.nameRequired", "merchant.item.nameTooLong");
		jdbc.sql("SELECT id FROM merchant_point_item WHERE name = ?")
			.param(cleanName)
			.query(Long.class)
			.optional()
			.filter(existing -> !existing.equals(ownId))
			.ifPresent(existing -> {
				throw new ConflictException("merchant.item.nameTaken", cleanName);
			});
		return cleanName;
	}

	private static int checkedPoints(Integer points) {
		if (points == null || points == 0 || Math.abs(points) > MAX_POINTS) {
			throw new InvalidRequestException("merchant.item.points", MAX_POINTS);
		}
		return points;
	}

	private static MerchantPointItem item(ResultSet rs, int n) throws SQLException {
		String duty = rs.getString("duty");
		return new MerchantPointItem(rs.getLong("id"), rs.getString("name"),
				duty == null ? null : FrontageDuty.valueOf(duty), rs.getInt("points"), rs.getBoolean("active"),
				rs.getInt("position"), rs.getLong("version"));
	}

}
