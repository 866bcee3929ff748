package chengguan.engagement.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import chengguan.engagement.Volunteer;
import chengguan.engagement.VolunteerActivities;
import chengguan.engagement.VolunteerActivity;
import chengguan.engagement.VolunteerKind;
import chengguan.engagement.VolunteerRegistration;
import chengguan.engagement.Volunteers;
import chengguan.organization.RegionService;
import chengguan.organization.RegionView;
import chengguan.platform.PlatformProperties;

/**
 * Demo volunteers of 德仁社区 (invented people): three volunteers and a citizen supervisor approved, one registration
 * waiting, one turned down; two past activities with attendance. The supervisor's phone is a demo reporter's, so
 * the overview shows a report counted. Demo profile only, on an empty volunteer table.
 */
@Component
@Profile("demo")
@Order(50)
class VolunteerDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(VolunteerDemoData.class);

	private static final String DEREN = "370471001001";

	private final Volunteers volunteers;

	private final VolunteerActivities activities;

	private final RegionService regions;

	private final JdbcClient jdbc;

	private final PlatformProperties platform;

	private final Clock clock;

	VolunteerDemoData(Volunteers volunteers, VolunteerActivities activities, RegionService regions, JdbcClient jdbc,
			PlatformProperties platform, Clock clock) {
		this.volunteers = volunteers;
		this.activities = activities;
		this.regions = regions;
		this.jdbc = jdbc;
		this.platform = platform;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (jdbc.sql("SELECT COUNT(*) FROM volunteer").query(Integer.class).single() > 0) {
			return;
		}
		RegionView deren = regions.findByCode(DEREN).orElse(null);
		if (deren == null) {
			return;
		}
		List<Volunteer> approved = new ArrayList<>();
		approved.add(register("赵秀英", "13900020001", VolunteerKind.VOLUNTEER, "退休教师，擅长组织宣传", "工作日上午"));
		approved.add(register("钱志刚", "13900020002", VolunteerKind.VOLUNTEER, "会修自行车，热心公益", "周末"));
		approved.add(register("孙晓燕", "13900020003", VolunteerKind.VOLUNTEER, "摄影", "周六全天"));
		// a demo reporter's number: the overview counts the report made in 德仁花园
		approved.add(register("李国庆", "13900010001", VolunteerKind.CITIZEN_SUPERVISOR, "小区楼长", "随时"));
		Volunteer pending = register("周敏", "13900020005", VolunteerKind.VOLUNTEER, "大学生，会讲方言", "寒暑假");
		Volunteer rejected = register("吴磊", "13900020006", VolunteerKind.CITIZEN_SUPERVISOR, null, null);
		jdbc.sql("UPDATE volunteer SET status = 'APPROVED', decided_by = 'deren' WHERE id IN (:ids)")
			.param("ids", approved.stream().map(Volunteer::id).toList())
			.update();
		jdbc.sql("UPDATE volunteer SET status = 'REJECTED', decided_by = 'deren', decision_reason = ? WHERE id = ?")
			.params("本人表示暂时没有时间，待方便时再报名", rejected.id())
			.update();
		LocalDate today = LocalDate.ofInstant(clock.instant(), platform.timeZone());
		VolunteerActivity cleanUp = activities.createUnchecked(deren, "清洁家园·德仁花园周边垃圾清理", today.minusDays(20),
				new BigDecimal("2.5"), "deren");
		activities.recordAttendanceUnchecked(cleanUp, approved.stream().map(Volunteer::id).toList());
		VolunteerActivity persuasion = activities.createUnchecked(deren, "文明劝导·门前三包宣传", today.minusDays(6),
				new BigDecimal("3"), "deren");
		activities.recordAttendanceUnchecked(persuasion, List.of(approved.get(0).id(), approved.get(1).id()));
		log.info("Demo data: {} volunteers in 德仁社区 ({} waiting, {} turned down), 2 activities", approved.size() + 2,
				pending.name(), rejected.name());
	}

	private Volunteer register(String name, String phone, VolunteerKind kind, String skills, String availability) {
		return volunteers.register(new VolunteerRegistration(DEREN, name, phone, kind, skills, availability, true, null));
	}

}
