package chengguan.engagement;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import chengguan.organization.RegionLevel;
import chengguan.organization.RegionService;
import chengguan.organization.RegionView;
import chengguan.platform.PlatformProperties;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.web.InvalidRequestException;
import chengguan.platform.web.NotFoundException;

import static chengguan.platform.persistence.DbTime.utc;

/** Counts merchants' points per month from the inspections and ranks them (rules: {@link MerchantRanking}). */
@Service
@Transactional(readOnly = true)
public class MerchantRankings {

	/** The oldest month anyone may ask for: the platform holds nothing older. */
	private static final YearMonth FIRST_MONTH = YearMonth.of(2020, 1);

	private final JdbcClient jdbc;

	private final RegionService regions;

	private final MerchantProperties settings;

	private final PlatformProperties platform;

	private final Clock clock;

	MerchantRankings(JdbcClient jdbc, RegionService regions, MerchantProperties settings, PlatformProperties platform,
			Clock clock) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.settings = settings;
		this.platform = platform;
		this.clock = clock;
	}

	/** The month it is now in Asia/Shanghai. */
	public YearMonth currentMonth() {
		return YearMonth.from(clock.instant().atZone(platform.timeZone()));
	}

	/** The ranking of the merchants under a community, street or larger region in the person's scope. */
	public MerchantRanking ranking(long regionId, YearMonth month, StaffPrincipal who) {
		return ranking(regions.get(regionId, who), month);
	}

	/** A community's ranking for its public board: the same figures, shown without owners or phones. */
	public MerchantRanking publicRanking(String communityCode, YearMonth month) {
		if (communityCode == null || communityCode.length() > 32) {
			throw new NotFoundException();
		}
		RegionView community = regions.findByCode(communityCode.strip())
			.filter(region -> region.level() == RegionLevel.COMMUNITY)
			.orElseThrow(NotFoundException::new);
		return ranking(community, month);
	}

	MerchantRanking ranking(RegionView region, YearMonth month) {
		YearMonth wanted = month == null ? currentMonth() : month;
		if (wanted.isBefore(FIRST_MONTH) || wanted.isAfter(currentMonth())) {
			throw new InvalidRequestException("merchant.ranking.month");
		}
		ZoneId zone = platform.timeZone();
		Instant from = wanted.atDay(1).atStartOfDay(zone).toInstant();
		Instant until = wanted.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
		Map<Long, String> names = new HashMap<>();
		List<MerchantTally> tallies = jdbc.sql("""
				SELECT m.id, m.name, m.community_id, m.business_type, m.duties,
				       COALESCE(SUM(CASE WHEN i.inspected_at >= :from AND i.inspected_at < :until THEN l.points END), 0),
				       COUNT(DISTINCT CASE WHEN i.inspected_at >= :from AND i.inspected_at < :until THEN i.id END),
				       SUM(CASE WHEN i.inspected_at >= :from AND i.inspected_at < :until AND l.points < 0 THEN 1 ELSE 0 END),
				       COALESCE(SUM(CASE WHEN i.inspected_at < :until THEN l.points END), 0)
				FROM merchant m
				LEFT JOIN merchant_inspection i ON i.merchant_id = m.id
				LEFT JOIN merchant_inspection_line l ON l.inspection_id = i.id
				WHERE m.region_path LIKE :pattern
				GROUP BY m.id, m.name, m.community_id, m.business_type, m.duties""")
			.param("from", utc(from))
			.param("until", utc(until))
			.param("pattern", region.path() + "%")
			.query((rs, n) -> new MerchantTally(rs.getLong(1), rs.getString(2),
					names.computeIfAbsent(rs.getLong(3), id -> regions.find(id).map(RegionView::name).orElse("")),
					rs.getString(4), Merchants.duties(rs.getString(5)), rs.getInt(6), rs.getInt(7), rs.getInt(8),
					rs.getInt(9)))
			.list();
		return MerchantRanking.of(wanted, region.name(), tallies, settings.finestPerMonth());
	}

}
