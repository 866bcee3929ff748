package chengguan.engagement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import chengguan.organization.RegionLevel;
import chengguan.organization.RegionService;
import chengguan.organization.RegionView;
import chengguan.platform.audit.AuditAction;
import chengguan.platform.audit.AuditLog;
import chengguan.platform.security.ScopeGuard;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.web.ConflictException;
import chengguan.platform.web.InvalidRequestException;
import chengguan.platform.web.NotFoundException;

import static chengguan.platform.persistence.DbTime.utc;

/** Merchant records with their 门前三包 duties, each in one community; staff see those in their scope. */
@Service
public class Merchants {

	private static final String COLUMNS = """
			id, community_id, region_path, name, address, owner_name, phone, business_type, duties, version""";

	private final JdbcClient jdbc;

	private final RegionService regions;

	private final ScopeGuard scopeGuard;

	private final AuditLog auditLog;

	private final Clock clock;

	Merchants(JdbcClient jdbc, RegionService regions, ScopeGuard scopeGuard, AuditLog auditLog, Clock clock) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.scopeGuard = scopeGuard;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	@Transactional
	public Merchant create(MerchantDetails details, StaffPrincipal who) {
		RegionView community = regions.get(details.communityId(), who);
		Merchant merchant = createUnchecked(details, community, who.username());
		auditLog.record(AuditAction.MERCHANT_SAVED, "merchant", merchant.id(), describe(merchant));
		return merchant;
	}

	/** For demo data and tests: no scope check, no audit. */
	@Transactional
	public Merchant createUnchecked(MerchantDetails details, RegionView community, String by) {
		if (community.level() != RegionLevel.COMMUNITY) {
			throw new InvalidRequestException("merchant.community.required");
		}
		MerchantDetails checked = details.checked();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		try {
			jdbc.sql("""
					INSERT INTO merchant (community_id, region_path, name, address, owner_name, phone, business_type,
					    duties, created_by, created_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(community.id(), community.path(), checked.name(), checked.address(), checked.ownerName(),
						checked.phone(), checked.businessType(), stored(checked.duties()), by, utc(clock.instant()))
				.update(keys, "id");
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("merchant.exists", checked.name());
		}
		return find(keys.getKeyAs(Number.class).longValue()).orElseThrow();
	}

	/** Changes a merchant's record; its community stays (a shop that moves is a new record). */
	@Transactional
	public Merchant update(long id, long seenVersion, MerchantDetails details, StaffPrincipal who) {
		Merchant merchant = get(id, who);
		MerchantDetails checked = details.checked();
		int updated;
		try {
			updated = jdbc.sql("""
					UPDATE merchant SET name = ?, address = ?, owner_name = ?, phone = ?, business_type = ?, duties = ?,
					    version = version + 1
					WHERE id = ? AND version = ?""")
				.params(checked.name(), checked.address(), checked.ownerName(), checked.phone(),
						checked.businessType(), stored(checked.duties()), id, seenVersion)
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("merchant.exists", checked.name());
		}
		if (updated == 0) {
			throw new OptimisticLockingFailureException("merchant " + id + " changed since it was read");
		}
		Merchant saved = find(id).orElseThrow();
		auditLog.record(AuditAction.MERCHANT_SAVED, "merchant", id, merchant.name() + "→" + describe(saved));
		return saved;
	}

	private static String describe(Merchant merchant) {
		return merchant.name() + " @" + merchant.address() + " duties=" + stored(merchant.duties());
	}

	@Transactional(readOnly = true)
	public Optional<Merchant> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM merchant WHERE id = ?").param(id).query(merchants()).optional();
	}

	/** The merchant, if the person's scope covers its community; otherwise 404 and an audit entry. */
	@Transactional(readOnly = true)
	public Merchant get(long id, StaffPrincipal who) {
		Merchant merchant = find(id).orElseThrow(NotFoundException::new);
		scopeGuard.requireCovers(who, merchant.regionPath(), "merchant", id);
		return merchant;
	}

	/** The merchants under a region (in the person's scope), by community and name. */
	@Transactional(readOnly = true)
	public List<Merchant> within(RegionView region) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM merchant WHERE region_path LIKE ? ORDER BY region_path, name, id")
			.param(region.path() + "%")
			.query(merchants())
			.list();
	}

	static String stored(Set<FrontageDuty> duties) {
		return duties.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
	}

	static Set<FrontageDuty> duties(String stored) {
		if (stored == null || stored.isBlank()) {
			return Set.of();
		}
		EnumSet<FrontageDuty> duties = EnumSet.noneOf(FrontageDuty.class);
		Arrays.stream(stored.split(",")).map(String::strip).map(FrontageDuty::valueOf).forEach(duties::add);
		return duties;
	}

	private RowMapper<Merchant> merchants() {
		Map<Long, String> names = new HashMap<>();
		return (rs, n) -> merchant(rs, names.computeIfAbsent(rs.getLong("community_id"),
				id -> regions.find(id).map(RegionView::name).orElse("")));
	}

	private static Merchant merchant(ResultSet rs, String communityName) throws SQLException {
		return new Merchant(rs.getLong("id"), rs.getLong("community_id"), communityName, rs.getString("region_path"),
				rs.getString("name"), rs.getString("address"), rs.getString("owner_name"), rs.getString("phone"),
				rs.getString("business_type"), duties(rs.getString("duties")), rs.getLong("version"));
	}

}
