package chengguan.fieldwork.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import chengguan.fieldwork.InspectionEntry;
import chengguan.fieldwork.NoticeEntry;
import chengguan.fieldwork.PropertyChecklist;
import chengguan.fieldwork.PropertyChecklists;
import chengguan.fieldwork.PropertyCompanies;
import chengguan.fieldwork.PropertyCompany;
import chengguan.fieldwork.PropertyCompanyDetails;
import chengguan.fieldwork.PropertyInspections;
import chengguan.fieldwork.RectificationNotices;
import chengguan.fieldwork.ReinspectionEntry;
import chengguan.organization.RegionDetails;
import chengguan.organization.RegionLevel;
import chengguan.organization.RegionService;
import chengguan.organization.RegionView;
import chengguan.platform.PlatformProperties;

/**
 * Demo 物业监督: three property companies (invented) for four compounds of the demo communities, half a year of
 * inspections with a rising, a falling and a failing trend, one rectified notice, one open and one overdue.
 * Demo profile only, on an empty property_company table.
 */
@Component
@Profile("demo")
@Order(42)
class DemoPropertySupervision implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoPropertySupervision.class);

	/** What an inspector writes when an item of the default checklist loses points, by item position. */
	private static final List<String> REMARKS = List.of("楼道堆放杂物，垃圾桶周边有散落垃圾", "绿地黄土裸露，绿篱未修剪",
			"单元门禁损坏未及时维修", "消防通道有车辆占用", "分类投放点无人值守，混投较多", "装修垃圾未按规定堆放", "收费标准公示未更新");

	/** Items that lose points first: fire lanes, cleanliness and sorting are what inspectors find most. */
	private static final int[] DEDUCTION_ORDER = { 3, 0, 4, 1, 2, 5, 6 };

	private final PropertyCompanies companies;

	private final PropertyChecklists checklists;

	private final PropertyInspections inspections;

	private final RectificationNotices notices;

	private final RegionService regions;

	private final JdbcClient jdbc;

	private final PlatformProperties platform;

	private final Clock clock;

	DemoPropertySupervision(PropertyCompanies companies, PropertyChecklists checklists, PropertyInspections inspections,
			RectificationNotices notices, RegionService regions, JdbcClient jdbc, PlatformProperties platform,
			Clock clock) {
		this.companies = companies;
		this.checklists = checklists;
		this.inspections = inspections;
		this.notices = notices;
		this.regions = regions;
		this.jdbc = jdbc;
		this.platform = platform;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (jdbc.sql("SELECT COUNT(*) FROM property_company").query(Integer.class).single() > 0
				|| regions.findByCode("370471").isEmpty()) {
			return;
		}
		LocalDate today = LocalDate.ofInstant(clock.instant(), platform.timeZone());
		String district = regions.findByCode("370471").orElseThrow().path();
		RegionView deren = regions.findByCode("37047100100101").orElseThrow();
		RegionView guangming = compound("370471001002", "37047100100201", "光明苑小区", "34.876400", "117.377000");
		RegionView tianan = compound("370471001003", "37047100100301", "天安小区", "34.878500", "117.374900");
		RegionView xingcheng = compound("370471002007", "37047100200701", "兴城花园小区", "34.865100", "117.403100");

		PropertyCompany derenProperty = companies.createUnchecked(new PropertyCompanyDetails("枣庄德仁物业服务有限公司",
				"91370400MA3C8D2K58", "陈国栋", "0632-8600001"), district, "demo");
		PropertyCompany guangmingProperty = companies.createUnchecked(new PropertyCompanyDetails("枣庄光明物业管理有限公司",
				"91370400MA3D1P7W29", "刘翠平", "13800006002"), district, "demo");
		PropertyCompany xingchengProperty = companies.createUnchecked(new PropertyCompanyDetails("枣庄兴城物业服务有限公司",
				null, "韩明", "13800006003"), district, "demo");
		companies.assignUnchecked(derenProperty.id(), deren, today.minusYears(3));
		companies.assignUnchecked(derenProperty.id(), tianan, today.minusYears(3));
		// 天安小区 changed hands: the history shows both companies
		companies.assignUnchecked(guangmingProperty.id(), tianan, today.minusMonths(7));
		companies.assignUnchecked(guangmingProperty.id(), guangming, today.minusYears(2));
		companies.assignUnchecked(xingchengProperty.id(), xingcheng, today.minusYears(1));

		PropertyChecklist checklist = checklists.defaultChecklist();
		List<Long> derenInspections = new ArrayList<>();
		int[] derenTotals = { 72, 78, 83, 88, 92 };
		for (int i = 0; i < derenTotals.length; i++) {
			derenInspections.add(inspect(checklist, deren, today.minusMonths(5 - i).minusDays(3), derenTotals[i],
					"xingren", "张伟"));
		}
		long rectified = notices.issueUnchecked(derenInspections.get(0),
				new NoticeEntry(today.minusMonths(5).plusDays(12), Map.of(3, "清理消防通道，设置禁停标识")), "xingren",
				today.minusMonths(5).minusDays(3));
		notices.reinspectUnchecked(rectified,
				new ReinspectionEntry(today.minusMonths(5).plusDays(10), true, "消防通道已清理，禁停标识已设置", null), "xingren",
				"张伟");

		int[] guangmingTotals = { 85, 81, 76 };
		long latestGuangming = 0;
		for (int i = 0; i < guangmingTotals.length; i++) {
			latestGuangming = inspect(checklist, guangming, today.minusMonths(2 - i).minusDays(5), guangmingTotals[i],
					"xingren", "张伟");
		}
		notices.issueUnchecked(latestGuangming,
				new NoticeEntry(today.plusDays(10), Map.of(3, "清理消防通道占用车辆，落实巡查", 0, "清理楼道杂物")), "xingren",
				today.minusDays(5));

		inspect(checklist, tianan, today.minusMonths(3), 64, "xingren", "张伟");
		long latestTianan = inspect(checklist, tianan, today.minusDays(30), 58, "xingren", "张伟");
		notices.issueUnchecked(latestTianan,
				new NoticeEntry(today.minusDays(15), Map.of(3, "消防通道占用问题限期清理", 4, "分类投放点安排专人值守", 0, "楼道杂物全面清理")),
				"xingren", today.minusDays(30));

		inspect(checklist, xingcheng, today.minusMonths(2), 90, "xingcheng", "王磊");
		inspect(checklist, xingcheng, today.minusDays(20), 94, "xingcheng", "王磊");
		log.info("Demo property supervision loaded: 3 companies, 4 compounds");
	}

	private RegionView compound(String communityCode, String code, String name, String latitude, String longitude) {
		return regions.findByCode(code)
			.orElseGet(() -> regions.createChildUnchecked(regions.findByCode(communityCode).orElseThrow(),
					RegionLevel.COMPOUND, new RegionDetails(code, name, 1_800, 640, new BigDecimal("0.15"),
							new BigDecimal(latitude), new BigDecimal(longitude), 1)));
	}

	/** An inspection scoring {@code total}: points come off the usual items first, with the usual remarks. */
	private long inspect(PropertyChecklist checklist, RegionView compound, LocalDate date, int total, String inspector,
			String inspectorName) {
		int[] scores = checklist.items().stream().mapToInt(PropertyChecklist.Item::maxScore).toArray();
		int toDeduct = PropertyChecklist.FULL_MARKS - total;
		List<Integer> order = new ArrayList<>();
		java.util.Arrays.stream(DEDUCTION_ORDER).filter(position -> position < scores.length).forEach(order::add);
		for (int position = 0; position < scores.length; position++) {
			if (!order.contains(position)) {
				order.add(position);
			}
		}
		toDeduct = Math.min(toDeduct, java.util.Arrays.stream(scores).sum());
		while (toDeduct > 0) {
			for (int position : order) {
				int off = Math.min(Math.min(3, toDeduct), scores[position]);
				scores[position] -= off;
				toDeduct -= off;
			}
		}
		List<PropertyChecklist.ItemScore> entered = new ArrayList<>();
		for (int i = 0; i < scores.length; i++) {
			entered.add(new PropertyChecklist.ItemScore(scores[i],
					scores[i] < checklist.items().get(i).maxScore() ? REMARKS.get(i % REMARKS.size()) : null));
		}
		return inspections.recordUnchecked(new InspectionEntry(compound.id(), checklist.id(), checklist.version(), date,
				entered, null), inspector, inspectorName);
	}

}
