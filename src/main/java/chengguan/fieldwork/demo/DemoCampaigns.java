package chengguan.fieldwork.demo;

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

import chengguan.fieldwork.Campaign;
import chengguan.fieldwork.CampaignTemplate;
import chengguan.fieldwork.Campaigns;
import chengguan.fieldwork.DutyLogEntry;
import chengguan.fieldwork.DutyLogEntry.Participant;
import chengguan.fieldwork.DutyLogs;
import chengguan.fieldwork.WorkItem;
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
 * A running 清爽行动 over the demo district, from the seeded template, with a few patrols linked to it by the
 * 兴城 and 张范 liaisons (兴仁's visits are left to the duty-log examples). Demo profile only, once.
 */
@Component
@Profile("demo")
@Order(45)
class DemoCampaigns implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCampaigns.class);

	/** liaison's phone, community code, days ago, start hour, hours, what was done, finding (or null), its category. */
	record DemoPatrol(String liaisonPhone, String community, int daysAgo, int startHour, int hours, String done,
			String finding, String findingCategory) {
	}

	static final List<DemoPatrol> PATROLS = List.of(
			new DemoPatrol("13800003002", "370471002007", 9, 9, 2, "清爽行动巡查：兴城花园一期、二期消防通道及楼道堆物清理", null, null),
			new DemoPatrol("13800003002", "370471002008", 6, 14, 2, "清爽行动巡查：锦绣园小区非机动车乱停整治，劝导规范停放 40 余辆",
					"锦绣园南门外共享单车大量堆积，占用人行道", "E050203"),
			new DemoPatrol("13800003003", "370471003009", 4, 9, 3, "清爽行动巡查：欣兴路沿街商铺店外经营、乱贴小广告清理",
					"欣兴路 12 号至 20 号电线杆上小广告成片", "E0201"),
			new DemoPatrol("13800003002", "370471002007", 2, 15, 1, "清爽行动回头看：兴城花园二期装修垃圾已清运", null, null));

	private final Campaigns campaigns;

	private final DutyLogs logs;

	private final RegionService regions;

	private final RosterService roster;

	private final JdbcClient jdbc;

	DemoCampaigns(Campaigns campaigns, DutyLogs logs, RegionService regions, RosterService roster, JdbcClient jdbc) {
		this.campaigns = campaigns;
		this.logs = logs;
		this.regions = regions;
		this.roster = roster;
		this.jdbc = jdbc;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (jdbc.sql("SELECT COUNT(*) FROM campaign").query(Integer.class).single() > 0) {
			return;
		}
		RegionView district = regions.findByCode("370471").orElse(null);
		CampaignTemplate template = campaigns.templateByCode("QINGSHUANG").orElse(null);
		if (district == null || template == null) {
			return;
		}
		LocalDate today = campaigns.today();
		Campaign campaign = campaigns.createUnchecked(campaigns.fromTemplate(template, today.minusDays(14),
				today.plusDays(45), List.of(district.id())), "admin");
		DataScope everywhere = new DataScope(district.id(), district.path(), district.name());
		for (DemoPatrol patrol : PATROLS) {
			StaffRow liaison = roster.search(new RosterQuery(patrol.liaisonPhone(), null, 0), everywhere)
				.stream()
				.findFirst()
				.orElse(null);
			if (liaison == null) {
				continue;
			}
			logs.record(new DutyLogEntry(patrol.community(), today.minusDays(patrol.daysAgo()),
					LocalTime.of(patrol.startHour(), 0), LocalTime.of(patrol.startHour() + patrol.hours(), 0),
					Set.of(WorkItem.PATROL, WorkItem.SPECIAL_INSPECTION), patrol.done(), patrol.finding(),
					patrol.findingCategory(), List.of(new Participant(Participant.Role.STAFF, liaison.id(), null, null)),
					null, null, null, campaign.id()), new ActingStaff("demo", liaison.name(),
							Set.of(Role.LIAISON), everywhere, liaison.id(), liaison.unitId()));
		}
		log.info("Demo data: campaign {} with {} linked patrols", campaign.name(), PATROLS.size());
	}

}
