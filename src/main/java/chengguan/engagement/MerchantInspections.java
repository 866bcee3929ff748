package chengguan.engagement;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import chengguan.platform.audit.AuditAction;
import chengguan.platform.audit.AuditLog;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.web.InvalidRequestException;

import static chengguan.platform.persistence.DbTime.instant;
import static chengguan.platform.persistence.DbTime.utc;

/**
 * Inspections of merchants' frontages: each chosen item of the points table adds or deducts its points. An
 * inspection is dated by the instant it is recorded; the month it counts in is that instant's Asia/Shanghai month.
 */
@Service
public class MerchantInspections {

	static final int MAX_REMARK = 200;

	static final int MAX_NOTE = 500;

	private final JdbcClient jdbc;

	private final Merchants merchants;

	private final MerchantPointItems items;

	private final AuditLog auditLog;

	private final Clock clock;

	MerchantInspections(JdbcClient jdbc, Merchants merchants, MerchantPointItems items, AuditLog auditLog,
			Clock clock) {
		this.jdbc = jdbc;
		this.merchants = merchants;
		this.items = items;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** Records an inspection of a merchant in the person's scope, now. */
	@Transactional
	public MerchantInspection record(long merchantId, MerchantInspectionEntry entry, StaffPrincipal who) {
		Merchant merchant = merchants.get(merchantId, who);
		MerchantInspection inspection = recordUnchecked(merchant, entry, clock.instant(), who.username(),
				who.displayName());
		auditLog.record(AuditAction.MERCHANT_INSPECTED, "merchant", merchantId, "inspection=" + inspection.id()
				+ " net=" + inspection.netPoints() + " items=" + inspection.lines().stream()
					.map(line -> line.itemName() + line.signedPoints())
					.collect(Collectors.joining("、")));
		return inspection;
	}

	/** For demo data and tests (which choose the instant): no scope check, no audit. */
	@Transactional
	public MerchantInspection recordUnchecked(Merchant merchant, MerchantInspectionEntry entry, Instant at,
			String inspector, String inspectorName) {
		if (entry.choices().isEmpty()) {
			throw new InvalidRequestException("merchant.inspection.itemsRequired");
		}
		Map<Long, MerchantPointItem> offered = new HashMap<>();
		items.active().forEach(item -> offered.put(item.id(), item));
		Set<Long> seen = new HashSet<>();
		List<MerchantInspection.Line> lines = new ArrayList<>();
		for (MerchantInspectionEntry.Choice choice : entry.choices()) {
			MerchantPointItem item = offered.get(choice.itemId());
			if (item == null) {
				throw new InvalidRequestException("merchant.inspection.itemUnknown");
			}
			if (!seen.add(item.id())) {
				throw new InvalidRequestException("merchant.inspection.itemTwice", item.name());
			}
			String remark = Volunteers.optional(choice.remark(), MAX_REMARK, "merchant.inspection.remarkTooLong");
			lines.add(new MerchantInspection.Line(item.name(), item.points(), remark));
		}
		String note = Volunteers.optional(entry.note(), MAX_NOTE, "merchant.inspection.noteTooLong");
		int net = lines.stream().mapToInt(MerchantInspection.Line::points).sum();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO merchant_inspection (merchant_id, region_path, inspected_at, inspector, inspector_name,
				    net_points, note)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(merchant.id(), merchant.regionPath(), utc(at), inspector, inspectorName, net, note)
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		for (int i = 0; i < lines.size(); i++) {
			MerchantInspection.Line line = lines.get(i);
			jdbc.sql("""
					INSERT INTO merchant_inspection_line (inspection_id, position, item_name, points, remark)
					VALUES (?, ?, ?, ?, ?)""")
				.params(id, i, line.itemName(), line.points(), line.remark())
				.update();
		}
		return new MerchantInspection(id, merchant.id(), at, inspectorName, net, note, List.copyOf(lines));
	}

	/** A merchant's inspections, newest first. */
	@Transactional(readOnly = true)
	public List<MerchantInspection> history(long merchantId, StaffPrincipal who) {
		merchants.get(merchantId, who);
		Map<Long, List<MerchantInspection.Line>> lines = new HashMap<>();
		jdbc.sql("""
				SELECT l.inspection_id, l.item_name, l.points, l.remark FROM merchant_inspection_line l
				JOIN merchant_inspection i ON i.id = l.inspection_id
				WHERE i.merchant_id = ? ORDER BY l.inspection_id, l.position""")
			.param(merchantId)
			.query(rs -> {
				lines.computeIfAbsent(rs.getLong(1), key -> new ArrayList<>())
					.add(new MerchantInspection.Line(rs.getString(2), rs.getInt(3), rs.getString(4)));
			});
		return jdbc.sql("""
				SELECT id, inspected_at, inspector_name, net_points, note FROM merchant_inspection
				WHERE merchant_id = ? ORDER BY inspected_at DESC, id DESC""")
			.param(merchantId)
			.query((rs, n) -> new MerchantInspection(rs.getLong(1), merchantId, instant(rs, 2), rs.getString(3),
					rs.getInt(4), rs.getString(5), lines.getOrDefault(rs.getLong(1), List.of())))
			.list();
	}

}
