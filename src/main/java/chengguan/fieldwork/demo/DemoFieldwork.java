package chengguan.fieldwork.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import chengguan.fieldwork.DutyLogEntry;
import chengguan.fieldwork.DutyLogs;
import chengguan.fieldwork.LedgerSubmissions;
import chengguan.fieldwork.VisitPeriod;
import chengguan.fieldwork.VisitRule;
import chengguan.fieldwork.VisitRules;
import chengguan.fieldwork.WorkItem;
import chengguan.organization.AssignmentService;
import chengguan.organization.AssignmentView;
import chengguan.organization.RegionService;
import chengguan.organization.RegionView;
import chengguan.organization.RosterService;
import chengguan.organization.StaffView;
import chengguan.organization.VisitDuty;
import chengguan.platform.PlatformProperties;
import chengguan.platform.security.ActingStaff;
import chengguan.platform.security.DataScope;
import chengguan.platform.security.Role;
import chengguan.platform.security.StaffPrincipal;

import static chengguan.platform.persistence.DbTime.utc;

/**
 * Six weeks of the liaisons' community visits with a few gaps (so the compliance view has someone behind), the
 * seed's monthly rule for the city with a weekly override for 兴仁街道, and last month's ledger submitted on time by
 * one unit. Demo profile only, on an empty duty-log table.
 */
@Component
@Profile("demo")
@Order(40)
class DemoFieldwork implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoFieldwork.class);

	/** The demo accounts linked to liaisons, by the liaison's phone, so their own logs show on their pages. */
	private static final Map<String, String> USERNAMES = Map.of("13800003001", "xingren", "13800003002", "xingcheng");

	private static final List<Set<WorkItem>> ITEMS = List.of(Set.of(WorkItem.PATROL, WorkItem.LAW_PUBLICITY),
			Set.of(WorkItem.PATROL, WorkItem.COMPLAINT_HANDLING), Set.of(WorkItem.OPINION_COLLECTION, WorkItem.RECEPTION),
			Set.of(WorkItem.PROPERTY_SUPERVISION, WorkItem.PATROL), Set.of(WorkItem.MEETING, WorkItem.COMMUNITY_PARTICIPATION));

	private static final List<String> DONE = List.of("沿主要街巷巡查市容秩序，向临街商户宣传门前三包和《城市市容和环境卫生管理条例》。",
			"巡查小区公共区域，现场处理居民反映的占道堆物问题，督促物业当日清理。",
			"在社区工作室接待居民，收集对停车秩序和垃圾分类的意见建议。",
			"会同物业检查消防通道、垃圾分类投放点和装修垃圾临时堆放点，提出整改意见。",
			"参加社区工作例会，通报上周诉求办理情况，商定本周联合整治事项。");

	private final DutyLogs logs;

	private final VisitRules rules;

	private final AssignmentService assignments;

	private final RegionService regions;

	private final RosterService roster;

	private final LedgerSubmissions ledgers;

	private final JdbcClient jdbc;

	private final PlatformProperties platform;

	private final Clock clock;

	DemoFieldwork(DutyLogs logs, VisitRules rules, AssignmentService assignments, RegionService regions,
			RosterService roster, LedgerSubmissions ledgers, JdbcClient jdbc, PlatformProperties platform, Clock clock) {
		this.logs = logs;
		this.rules = rules;
		this.assignments = assignments;
		this.regions = regions;
		this.roster = roster;
		this.ledgers = ledgers;
		this.jdbc = jdbc;
		this.platform = platform;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (jdbc.sql("SELECT COUNT(*) FROM duty_log").query(Integer.class).single() > 0) {
			return;
		}
		regions.findByCode("370400").ifPresent(city -> rules.setUnchecked(new VisitRule(city.id(), VisitPeriod.MONTH, 1, 0, 0,
				"市默认：每月至少巡查和走访一次（枣庄高新区“城市管理进社区”工作方案）")));
		regions.findByCode("370471001").ifPresent(street -> rules.setUnchecked(new VisitRule(street.id(), VisitPeriod.WEEK,
				1, 120, 0, "街道另行规定（参照长宁区）：每周不少于1次，每次不少于2小时")));

		LocalDate today = LocalDate.ofInstant(clock.instant(), platform.timeZone());
		LocalDate firstMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(6);
		int recorded = 0;
		Long submittingUnit = null;
		int communityIndex = 0;
		for (VisitDuty duty : assignments.visitDuties(DataScope.EVERYWHERE)) {
			if (duty.responsible()) {
				continue;
			}
			StaffView staff = roster.findStaff(duty.staffId()).orElseThrow();
			RegionView community = regions.find(duty.communityId()).orElseThrow();
			StaffPrincipal who = liaison(staff, duty);
			AssignmentView assignment = assignments.view(community.id(), who);
			for (int week = 0; week < 7; week++) {
				// a gap now and then, so somebody is behind
				if ((communityIndex + week) % 4 == 3) {
					continue;
				}
				LocalDate date = firstMonday.plusWeeks(week).plusDays((communityIndex + week) % 4);
				if (date.isAfter(today)) {
					continue;
				}
				boolean shortVisit = (communityIndex * 7 + week) % 5 == 0;
				LocalTime start = LocalTime.of(week % 2 == 0 ? 9 : 14, 0);
				LocalTime end = start.plusMinutes(shortVisit ? 90 : 150);
				boolean far = communityIndex == 1 && week == 2;
				boolean finding = communityIndex == 2 && week == 5;
				List<DutyLogEntry.Participant> people = new ArrayList<>();
				people.add(new DutyLogEntry.Participant(DutyLogEntry.Participant.Role.STAFF, staff.id(), null, null));
				if (assignment.contactName() != null) {
					people.add(new DutyLogEntry.Participant(DutyLogEntry.Participant.Role.COMMUNITY_CONTACT, null,
							assignment.contactName(), assignment.contactPhone()));
				}
				logs.record(new DutyLogEntry(community.code(), date, start, end, ITEMS.get((communityIndex + week) % ITEMS.size()),
						DONE.get((communityIndex + week) % DONE.size()),
						finding ? "小区东门人行道堆放废旧家具，影响通行。" : null, finding ? "E0503" : null, people,
						offset(community.latitude(), far ? 0.03 : 0.0008), offset(community.longitude(), far ? 0.03 : -0.0006),
						far ? 35 : 12), who);
				recorded++;
			}
			if (submittingUnit == null) {
				submittingUnit = staff.unitId();
				YearMonth lastMonth = YearMonth.from(today).minusMonths(1);
				ledgers.submit(staff.unitId(), lastMonth, who);
				// submitted on the 1st, in time, as the unit would have
				jdbc.sql("UPDATE ledger_submission SET submitted_at = ? WHERE unit_id = ? AND ledger_month = ?")
					.params(utc(ZonedDateTime.of(lastMonth.plusMonths(1).atDay(1).atTime(10, 0), platform.timeZone())
						.toInstant()), staff.unitId(), lastMonth.atDay(1))
					.update();
			}
			communityIndex++;
		}
		log.info("Demo data: {} duty logs over six weeks, visit rules for the city and 兴仁街道", recorded);
	}

	private static BigDecimal offset(BigDecimal value, double by) {
		return value == null ? null : value.add(BigDecimal.valueOf(by)).setScale(6, java.math.RoundingMode.HALF_UP);
	}

	private static StaffPrincipal liaison(StaffView staff, VisitDuty duty) {
		return new ActingStaff(USERNAMES.getOrDefault(duty.staffPhone(), "demo"), staff.name(), Set.of(Role.LIAISON),
				DataScope.EVERYWHERE, staff.id(), staff.unitId());
	}

}
