package chengguan.engagement.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import chengguan.engagement.DeliberationKind;
import chengguan.engagement.DeliberationMeetingEntry;
import chengguan.engagement.DeliberationMeetingEntry.Attendee;
import chengguan.engagement.DeliberationRole;
import chengguan.engagement.Deliberations;
import chengguan.engagement.Need;
import chengguan.engagement.NeedEntry;
import chengguan.engagement.NeedKind;
import chengguan.engagement.NeedMeasure;
import chengguan.engagement.NeedSource;
import chengguan.engagement.NeedStatus;
import chengguan.engagement.Needs;
import chengguan.engagement.PublicityEventKind;
import chengguan.engagement.PublicityEventPlan;
import chengguan.engagement.PublicityEvents;
import chengguan.engagement.SuggestionSubmission;
import chengguan.intake.ReportKind;
import chengguan.organization.RegionService;
import chengguan.organization.RegionView;
import chengguan.organization.RosterQuery;
import chengguan.organization.RosterService;
import chengguan.organization.StaffRow;
import chengguan.platform.security.ActingStaff;
import chengguan.platform.security.DataScope;
import chengguan.platform.security.Role;
import chengguan.platform.security.StaffPrincipal;

/**
 * 德仁社区's needs list (one of each status, one made a case), two upcoming events with a few sign-ups, and two
 * 四位一体 / 议事会 meetings a month apart, the later one following up the earlier one's tasks (one overdue). Demo
 * profile only, once.
 */
@Component
@Profile("demo")
@Order(50)
class DemoNeedsEventsAndMeetings implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoNeedsEventsAndMeetings.class);

	private static final String DEREN = "370471001001";

	private final Needs needs;

	private final PublicityEvents events;

	private final Deliberations deliberations;

	private final RegionService regions;

	private final RosterService roster;

	private final JdbcClient jdbc;

	DemoNeedsEventsAndMeetings(Needs needs, PublicityEvents events, Deliberations deliberations, RegionService regions,
			RosterService roster, JdbcClient jdbc) {
		this.needs = needs;
		this.events = events;
		this.deliberations = deliberations;
		this.regions = regions;
		this.roster = roster;
		this.jdbc = jdbc;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (jdbc.sql("SELECT COUNT(*) FROM need").query(Integer.class).single() > 0) {
			return;
		}
		RegionView district = regions.findByCode("370471").orElse(null);
		if (district == null || regions.findByCode(DEREN).isEmpty()) {
			return;
		}
		DataScope everywhere = new DataScope(district.id(), district.path(), district.name());
		StaffRow liaison = roster.search(new RosterQuery("13800003001", null, 0), everywhere).stream().findFirst()
			.orElse(null);
		if (liaison == null) {
			return;
		}
		StaffPrincipal zhangWei = new ActingStaff("demo", liaison.name(), Set.of(Role.LIAISON), everywhere,
				liaison.id(), liaison.unitId());
		LocalDate today = needs.today();

		needs.submitFromResident(new SuggestionSubmission(DEREN, NeedKind.SUGGESTION,
				"建议在德仁花园南门设置共享单车停放区，现在单车堆在人行道上", null, null, null));
		long lights = needs.record(new NeedEntry(DEREN, NeedKind.NEED, NeedSource.VISIT, "德仁花园北门夜间照明不足，老人出行不便",
				"李大爷", "13700002001"), zhangWei);
		Need adopted = needs.changeStatus(lights, 0, NeedStatus.ADOPTED, null, zhangWei);
		needs.setMeasure(lights, adopted.version(), new NeedMeasure("协调物业加装两盏庭院灯，市政管理科复核路灯线路",
				"德仁物业 / 市政管理科", today.plusDays(20)), zhangWei);
		long bins = needs.record(new NeedEntry(DEREN, NeedKind.NEED, NeedSource.NEEDS_SURVEY,
				"季度需求调查：3 号楼旁垃圾桶满溢，清运不及时", null, null), zhangWei);
		needs.promoteToCase(bins, 0, "E0101", ReportKind.HELP, zhangWei);
		long square = needs.record(new NeedEntry(DEREN, NeedKind.SUGGESTION, NeedSource.DELIBERATION,
				"把小区中心广场改为收费停车场", null, null), zhangWei);
		needs.changeStatus(square, 0, NeedStatus.REJECTED, "广场属公共活动场地，不能改作经营性停车场；已建议业委会统筹地面车位", zhangWei);
		long benches = needs.record(new NeedEntry(DEREN, NeedKind.NEED, NeedSource.SUGGESTION_BOX,
				"广场休闲座椅损坏两处", null, null), zhangWei);
		Need inProgress = needs.changeStatus(benches, 0, NeedStatus.IN_PROGRESS, null, zhangWei);
		needs.changeStatus(benches, inProgress.version(), NeedStatus.RESOLVED, null, zhangWei);

		long openDay = events.plan(new PublicityEventPlan("城管开放日：走进兴仁中队", PublicityEventKind.OPEN_DAY, DEREN,
				"兴仁中队院内（兴仁路 18 号）", today.plusDays(6), LocalTime.of(9, 0), LocalTime.of(11, 0), 40, liaison.id(),
				"参观执法装备和智慧城管指挥大厅，现场解答门前三包、装修垃圾清运等问题。"), zhangWei);
		String code = events.get(openDay, zhangWei).code();
		events.signUp(code, "王芳", "13900001001", null);
		events.signUp(code, "刘强", "13900001002", null);
		events.signUp(code, "陈静", "13900001003", null);
		events.plan(new PublicityEventPlan("物业从业人员城市管理法规培训", PublicityEventKind.TRAINING, DEREN,
				"德仁社区党群服务中心二楼", today.plusDays(12), LocalTime.of(14, 30), LocalTime.of(16, 30), 30, liaison.id(),
				"讲解《城市市容和环境卫生管理条例》、违建发现与报告、飞线充电劝导。"), zhangWei);

		List<Attendee> table = List.of(new Attendee(DeliberationRole.RESIDENTS_COMMITTEE, "孙丽华"),
				new Attendee(DeliberationRole.PROPERTY_COMPANY, "德仁物业 王经理"),
				new Attendee(DeliberationRole.OWNERS_COMMITTEE, "业委会 赵主任"),
				new Attendee(DeliberationRole.RESIDENT_REPRESENTATIVE, "李大爷"),
				new Attendee(DeliberationRole.CITY_MANAGEMENT, "张伟"));
		long earlier = deliberations.record(new DeliberationMeetingEntry(DEREN, DeliberationKind.FOUR_PARTY,
				"四位一体议事：德仁花园停车与楼道堆物", today.minusDays(30), "德仁社区议事厅", "1. 南门非机动车乱停\n2. 5 号楼楼道堆物",
				"各方同意由物业施划停放线，业委会组织清理楼道；早市占道转城管立案处置。", table), zhangWei);
		deliberations.addTask(earlier, "在南门东侧施划非机动车停放线", "德仁物业", today.minusDays(10), zhangWei);
		long stairs = deliberations.addTask(earlier, "清理 5 号楼楼道堆物", "业委会", today.minusDays(16), zhangWei);
		deliberations.completeTask(stairs, 0, "已清理完毕，物业每周巡查", zhangWei);
		deliberations.addTask(earlier, "南门增设限速提示牌", "兴仁中队", today.plusDays(5), zhangWei);
		deliberations.addCase(earlier, "德仁花园南门外早市占道经营，影响通行", "E0101", ReportKind.COMPLAINT, zhangWei);
		deliberations.record(new DeliberationMeetingEntry(DEREN, DeliberationKind.RESIDENTS_COUNCIL,
				"居民议事会：上月议定事项回头看", today.minusDays(1), "德仁社区议事厅", "1. 上月议定事项跟进\n2. 大件垃圾清运时间", null,
				table), zhangWei);
		log.info("Demo data: 德仁社区 needs list, two events, two deliberation meetings");
	}

}
