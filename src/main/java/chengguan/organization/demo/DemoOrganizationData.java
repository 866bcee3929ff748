package chengguan.organization.demo;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import chengguan.organization.AssignmentDetails;
import chengguan.organization.AssignmentService;
import chengguan.organization.RegionDetails;
import chengguan.organization.RegionLevel;
import chengguan.organization.RegionService;
import chengguan.organization.RegionView;
import chengguan.organization.RosterService;
import chengguan.organization.StaffDetails;
import chengguan.organization.StaffView;
import chengguan.organization.TeamRole;
import chengguan.organization.UnitDetails;
import chengguan.organization.UnitKind;
import chengguan.organization.UnitView;

/**
 * The demo organisation: 枣庄市 → 枣庄高新区 and the nine communities of 附件3 in `000_*`, each with its
 * responsible officer's position exactly as there. Person names and phone numbers are invented (1380000xxxx):
 * the seed's belong to real people. Runs only in the {@code demo} profile and only on an empty region table.
 */
@Component
@Profile("demo")
@Order(10)
public class DemoOrganizationData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoOrganizationData.class);

	/** 街道, 社区, 社区负责人 (invented), 执法局负责人 (invented), the officer's 科室; order as in 附件3. */
	record CommunityRow(String street, String community, String contact, String officer, String department) {
	}

	static final List<CommunityRow> ANNEX3 = List.of(
			new CommunityRow("兴仁街道", "德仁社区", "孙丽华", "王志强", "安全生产监督管理科"),
			new CommunityRow("兴仁街道", "光明社区", "马春梅", "李文博", "法制科"),
			new CommunityRow("兴仁街道", "天安社区", "高玉兰", "赵海燕", "城市管理科"),
			new CommunityRow("兴仁街道", "复兴社区", "林志远", "陈立新", "园林绿化科"),
			new CommunityRow("兴仁街道", "兴安社区", "何静", "刘建国", "市政管理科"),
			new CommunityRow("兴仁街道", "松江社区", "郭红霞", "杨晓东", "市政工程科"),
			new CommunityRow("兴城街道", "兴城花园社区", "罗建平", "周明辉", "智慧城管办公室"),
			new CommunityRow("兴城街道", "锦绣园社区", "梁雪梅", "吴秀兰", "城市亮化科"),
			new CommunityRow("张范街道", "欣兴社区", "宋德明", "郑国庆", "综合执法科"));

	/** Street → the squadron's liaison officer (invented). */
	static final List<Map.Entry<String, String>> LIAISONS = List.of(Map.entry("兴仁街道", "张伟"),
			Map.entry("兴城街道", "王磊"), Map.entry("张范街道", "赵敏"));

	private final RegionService regions;

	private final RosterService roster;

	private final AssignmentService assignments;

	public DemoOrganizationData(RegionService regions, RosterService roster, AssignmentService assignments) {
		this.regions = regions;
		this.roster = roster;
		this.assignments = assignments;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (regions.findByCode("370400").isPresent()) {
			return;
		}
		RegionView city = regions.createRoot(RegionLevel.CITY,
				details("370400", "枣庄市", 3_850_000, 1_290_000, "4564", "34.810488", "117.323725", 0));
		RegionView district = regions.createChildUnchecked(city, RegionLevel.DISTRICT,
				details("370471", "枣庄高新区", 180_000, 62_000, "105.6", "34.861900", "117.396600", 1));

		Map<String, RegionView> streets = new LinkedHashMap<>();
		String[][] streetRows = { { "370471001", "兴仁街道", "34.872100", "117.381200" },
				{ "370471002", "兴城街道", "34.850400", "117.417800" },
				{ "370471003", "张范街道", "34.835600", "117.455300" } };
		for (int i = 0; i < streetRows.length; i++) {
			String[] s = streetRows[i];
			streets.put(s[1], regions.createChildUnchecked(district, RegionLevel.STREET,
					details(s[0], s[1], 60_000 - i * 9_000, 21_000 - i * 3_000, "32.5", s[2], s[3], i + 1)));
		}

		UnitView bureau = unit(UnitKind.BUREAU, "枣庄高新区综合执法局", district, null, "0632-8512319");
		Map<String, UnitView> departments = new LinkedHashMap<>();
		for (String name : List.of("办公室", "督查室", "安全生产监督管理科", "法制科", "城市管理科", "园林绿化科", "市政管理科",
				"市政工程科", "智慧城管办公室", "城市亮化科", "综合执法科", "市容环卫服务中心", "市政园林服务中心")) {
			departments.put(name, unit(UnitKind.DEPARTMENT, name, district, bureau, null));
		}
		Map<String, UnitView> squadrons = new LinkedHashMap<>();
		streets.forEach((name, street) -> squadrons.put(name,
				unit(UnitKind.SQUADRON, name.replace("街道", "") + "中队", street, bureau, null)));
		List<String> partners = List.of("高新区住房和城乡建设局", "枣庄市公安局高新分局", "高新区市场监督管理局", "高新区生态环境分局",
				"高新区消防救援大队");
		for (int i = 0; i < partners.size(); i++) {
			// invented duty phones: whistled partner departments are told by SMS
			unit(UnitKind.PARTNER_DEPARTMENT, partners.get(i), district, null, "1380000500" + (i + 1));
		}

		person("钱卫东", bureau, "局长", "13800000001", "全面负责城市管理进社区工作");
		person("冯晓", departments.get("智慧城管办公室"), "指挥调度员", "13800000002", "受理、派遣、督办");
		person("褚红", departments.get("督查室"), "督查员", "13800000003", "督导检查进社区工作、通报结果");
		person("蒋涛", departments.get("市政管理科"), "科员", "13800000004", "市政设施问题处置");
		Map<String, StaffView> liaisons = new LinkedHashMap<>();
		int liaisonNo = 1;
		for (Map.Entry<String, String> entry : LIAISONS) {
			liaisons.put(entry.getKey(), person(entry.getValue(), squadrons.get(entry.getKey()), "社区联络员",
					"1380000300" + liaisonNo++, "每周进社区巡查走访，受理居民诉求"));
		}

		int sort = 1;
		for (CommunityRow row : ANNEX3) {
			RegionView street = streets.get(row.street());
			String code = street.code() + String.format("%03d", sort);
			RegionView community = regions.createChildUnchecked(street, RegionLevel.COMMUNITY,
					details(code, row.community(), 8_000 + sort * 650, 2_900 + sort * 210, "1.8",
							offset(street.latitude(), sort), offset(street.longitude(), -sort), sort));
			UnitView committee = unit(UnitKind.RESIDENTS_COMMITTEE, row.community() + "居委会", community, null, null);
			unit(UnitKind.WORKSTATION, row.community() + "城管工作室", community, squadrons.get(row.street()), null);
			person(row.contact(), committee, "社区城市管理岗", "1380000200" + sort, "社区直接责任人，联系群众、反映问题");
			UnitView department = departments.get(row.department());
			StaffView officer = person(row.officer(), department, row.department() + "科长", "1380000100" + sort,
					"城管进社区负责人，对社区城管领域问题负总责");
			assignments.assignUnchecked(community.id(),
					new AssignmentDetails(row.contact(), "1380000200" + sort, officer.id(), 1,
							new TreeSet<>(List.of(5 + (sort % 3) * 5)), "每月至少巡查和走访一次；现场接访、普法宣传、征集意见、处理投诉",
							Map.of(liaisons.get(row.street()).id(), TeamRole.LIAISON)));
			if (sort == 1) {
				regions.createChildUnchecked(community, RegionLevel.COMPOUND,
						details(code + "01", "德仁花园小区", 2_400, 860, "0.2", "34.874000", "117.380100", 1));
				regions.createChildUnchecked(community, RegionLevel.GRID,
						details(code + "G1", "德仁社区第一网格", 3_100, 1_050, "0.6", null, null, 2));
				unit(UnitKind.PROPERTY_COMPANY, "枣庄德仁物业服务有限公司", community, null, "0632-8600001");
			}
			sort++;
		}
		log.info("Demo organisation loaded: {} communities", ANNEX3.size());
	}

	private UnitView unit(UnitKind kind, String name, RegionView region, UnitView parent, String phone) {
		return roster.createUnitUnchecked(
				new UnitDetails(kind, name, region.id(), parent == null ? null : parent.id(), phone, null, 0, true));
	}

	private StaffView person(String name, UnitView unit, String position, String phone, String duties) {
		return roster.createStaffUnchecked(new StaffDetails(name, unit.id(), position, phone, null, duties, true));
	}

	private static RegionDetails details(String code, String name, Integer population, Integer households,
			String area, String latitude, String longitude, int sort) {
		return new RegionDetails(code, name, population, households, new BigDecimal(area),
				latitude == null ? null : new BigDecimal(latitude), longitude == null ? null : new BigDecimal(longitude),
				sort);
	}

	private static String offset(BigDecimal base, int step) {
		return base.add(new BigDecimal(step).multiply(new BigDecimal("0.0021"))).toPlainString();
	}

}
