package chengguan.engagement.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import chengguan.engagement.FrontageDuty;
import chengguan.engagement.Merchant;
import chengguan.engagement.MerchantDetails;
import chengguan.engagement.MerchantInspectionEntry;
import chengguan.engagement.MerchantInspections;
import chengguan.engagement.MerchantPointItem;
import chengguan.engagement.MerchantPointItems;
import chengguan.engagement.Merchants;
import chengguan.organization.RegionService;
import chengguan.organization.RegionView;
import chengguan.platform.PlatformProperties;

/**
 * Demo 门前三包: six shops on 德仁社区's streets and two in 光明社区 (invented), inspected over the last three months
 * with the seeded points table (some for months before that), so the ranking, 最美商户 and stars all show
 * something. Demo profile only, on an empty merchant table.
 */
@Component
@Profile("demo")
@Order(51)
class MerchantDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(MerchantDemoData.class);

	/** name, address, business type, community code. */
	private static final List<String[]> SHOPS = List.of(
			new String[] { "老王烧烤", "兴仁路 18 号", "餐饮", "370471001001" },
			new String[] { "德仁便利店", "兴仁路 22 号", "零售", "370471001001" },
			new String[] { "鲜果坊", "德仁花园北门 3 号商铺", "果蔬", "370471001001" },
			new String[] { "顺达汽修", "光明路 105 号", "汽修", "370471001001" },
			new String[] { "丽人美发", "兴仁路 30 号", "美容美发", "370471001001" },
			new String[] { "仁和大药房", "兴仁路 36 号", "药店", "370471001001" },
			new String[] { "光明面馆", "光明路 12 号", "餐饮", "370471001002" },
			new String[] { "惠民超市", "光明路 20 号", "超市", "370471001002" });

	/** Per shop, per month (two months ago, last month, this month): the item names found at each inspection. */
	private static final List<List<List<String>>> FINDINGS = List.of(
			List.of(List.of("店外经营", "门前乱堆乱放"), List.of("门前整洁"), List.of("门前整洁", "主动劝阻门前乱停乱放")),
			List.of(List.of("门前整洁", "参与城市管理志愿服务"), List.of("门前整洁", "门前绿化养护良好"), List.of("门前整洁")),
			List.of(List.of("门前整洁"), List.of("垃圾未入桶、门前有散落垃圾"), List.of("门前整洁", "门前绿化养护良好")),
			List.of(List.of("门前车辆乱停乱放"), List.of("店外经营"), List.of("门前车辆乱停乱放")),
			List.of(List.of("门前整洁", "参与城市管理志愿服务"), List.of("门前整洁", "参与城市管理志愿服务"), List.of("门前整洁")),
			List.of(List.of("门前整洁"), List.of("门前整洁"), List.of()),
			List.of(List.of("店外经营"), List.of("门前整洁"), List.of("门前整洁")),
			List.of(List.of("门前整洁"), List.of("乱贴乱挂、违规设置广告"), List.of()));

	/**
	 * Per shop, how many months before those had a good inspection (门前整洁 and 参与城市管理志愿服务, +7), so that the
	 * stars differ: 德仁便利店 ends with 41 points (★★), 丽人美发 with 37 and 仁和大药房 with 25 (★).
	 */
	private static final int[] EARLIER_GOOD_MONTHS = { 0, 4, 1, 0, 3, 3, 1, 0 };

	private final Merchants merchants;

	private final MerchantInspections inspections;

	private final MerchantPointItems items;

	private final RegionService regions;

	private final JdbcClient jdbc;

	private final PlatformProperties platform;

	private final Clock clock;

	MerchantDemoData(Merchants merchants, MerchantInspections inspections, MerchantPointItems items,
			RegionService regions, JdbcClient jdbc, PlatformProperties platform, Clock clock) {
		this.merchants = merchants;
		this.inspections = inspections;
		this.items = items;
		this.regions = regions;
		this.jdbc = jdbc;
		this.platform = platform;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (jdbc.sql("SELECT COUNT(*) FROM merchant").query(Integer.class).single() > 0
				|| regions.findByCode("370471001001").isEmpty()) {
			return;
		}
		Map<String, MerchantPointItem> byName = items.active().stream()
			.collect(Collectors.toMap(MerchantPointItem::name, Function.identity()));
		ZoneId zone = platform.timeZone();
		YearMonth thisMonth = YearMonth.from(clock.instant().atZone(zone));
		int inspected = 0;
		for (int shop = 0; shop < SHOPS.size(); shop++) {
			String[] row = SHOPS.get(shop);
			RegionView community = regions.findByCode(row[3]).orElseThrow();
			Merchant merchant = merchants.createUnchecked(new MerchantDetails(community.id(), row[0], row[1],
					"店主" + (shop + 1), null, row[2], EnumSet.allOf(FrontageDuty.class)), community, "deren");
			for (int earlier = 0; earlier < EARLIER_GOOD_MONTHS[shop]; earlier++) {
				inspections.recordUnchecked(merchant, new MerchantInspectionEntry(
						List.of(new MerchantInspectionEntry.Choice(byName.get("门前整洁").id(), null),
								new MerchantInspectionEntry.Choice(byName.get("参与城市管理志愿服务").id(), null)),
						null), inspectionTime(thisMonth.minusMonths(3 + earlier), shop, zone), "deren", "孙丽华");
				inspected++;
			}
			for (int monthsAgo = 2; monthsAgo >= 0; monthsAgo--) {
				List<String> found = FINDINGS.get(shop).get(2 - monthsAgo);
				if (found.isEmpty()) {
					continue;
				}
				Instant at = inspectionTime(thisMonth.minusMonths(monthsAgo), shop, zone);
				inspections.recordUnchecked(merchant, new MerchantInspectionEntry(
						found.stream().map(name -> new MerchantInspectionEntry.Choice(byName.get(name).id(), null)).toList(),
						null), at, "deren", "孙丽华");
				inspected++;
			}
		}
		log.info("Demo data: {} 门前三包 merchants, {} inspections", SHOPS.size(), inspected);
	}

	/** The shop's inspection day of the month at 10:00, never later than now. */
	private Instant inspectionTime(YearMonth month, int shop, ZoneId zone) {
		Instant at = month.atDay(Math.min(3 + shop * 2, month.lengthOfMonth())).atTime(10, 0).atZone(zone).toInstant();
		Instant now = clock.instant();
		return at.isAfter(now) ? now.minus(Duration.ofMinutes(shop + 1)) : at;
	}

}
