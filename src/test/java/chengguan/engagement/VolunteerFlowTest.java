package chengguan.engagement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import chengguan.intake.Channel;
import chengguan.intake.IntakeService;
import chengguan.intake.ReportKind;
import chengguan.intake.ReportSubmission;
import chengguan.intake.ReporterCounts;
import chengguan.organization.RegionDetails;
import chengguan.organization.RegionLevel;
import chengguan.organization.RegionService;
import chengguan.organization.RegionView;
import chengguan.platform.security.OutOfScopeException;
import chengguan.platform.security.Role;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.web.ConflictException;
import chengguan.platform.web.InvalidRequestException;
import chengguan.support.MutableClock;
import chengguan.support.OwnRegionsTest;
import chengguan.support.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Volunteers after registering: approval, activities and their hours, supervisors' reports counted from intake,
 * the scope, and phones masked for the roles that need not read them.
 */
class VolunteerFlowTest extends OwnRegionsTest {

	@Autowired
	Volunteers volunteers;

	@Autowired
	VolunteerActivities activities;

	@Autowired
	IntakeService intake;

	@Autowired
	RegionService regions;

	@Autowired
	TestAccounts accounts;

	@Autowired
	MutableClock clock;

	@Autowired
	MockMvc mvc;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	private static String unique() {
		return UUID.randomUUID().toString().replace("-", "").substring(0, 8);
	}

	private static String phone() {
		return "135" + String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));
	}

	/** A new community of 兴仁街道, so its volunteers are this test's alone. */
	private RegionView community() {
		String code = "V" + unique();
		return regions.createChildUnchecked(regions.findByCode("370471001").orElseThrow(), RegionLevel.COMMUNITY,
				new RegionDetails(code, "志愿社区" + code, 1000, 300, new BigDecimal("1"), null, null, 9));
	}

	private Volunteer register(RegionView community, String name, String phone, VolunteerKind kind) {
		return volunteers.register(new VolunteerRegistration(community.code(), name, phone, kind, null, null, true, null));
	}

	private Volunteer approved(RegionView community, String name, String phone, VolunteerKind kind) {
		Volunteer volunteer = register(community, name, phone, kind);
		return volunteers.approve(volunteer.id(), volunteer.version(), accounts.principal("xingren"));
	}

	private VolunteerOverview overviewOf(Volunteer volunteer, RegionView community, int year) {
		return volunteers.overview(accounts.principal("xingren"), community.id(), year)
			.stream()
			.filter(row -> row.volunteer().id() == volunteer.id())
			.findFirst()
			.orElseThrow();
	}

	@Test
	void aRegistrationIsApprovedOnceOrTurnedDownWithAReason() {
		StaffPrincipal liaison = accounts.principal("xingren");
		RegionView community = community();
		Volunteer first = register(community, "甲", phone(), VolunteerKind.VOLUNTEER);
		assertThat(first.status()).isEqualTo(VolunteerStatus.PENDING);

		Volunteer approvedOne = volunteers.approve(first.id(), first.version(), liaison);
		assertThat(approvedOne.status()).isEqualTo(VolunteerStatus.APPROVED);
		assertThat(approvedOne.decidedBy()).isEqualTo(liaison.username());
		assertThat(approvedOne.decidedAt()).isNotNull();
		assertThatThrownBy(() -> volunteers.approve(first.id(), approvedOne.version(), liaison))
			.isInstanceOf(ConflictException.class)
			.hasMessage("volunteer.decision.notPending");

		Volunteer second = register(community, "乙", phone(), VolunteerKind.CITIZEN_SUPERVISOR);
		assertThatThrownBy(() -> volunteers.reject(second.id(), second.version(), "  ", liaison))
			.isInstanceOf(InvalidRequestException.class)
			.hasMessage("volunteer.reason.required");
		// a stale form: someone else changed it meanwhile
		assertThatThrownBy(() -> volunteers.approve(second.id(), second.version() + 1, liaison))
			.isInstanceOf(ConflictException.class);
		Volunteer rejected = volunteers.reject(second.id(), second.version(), "不在本社区居住", liaison);
		assertThat(rejected.status()).isEqualTo(VolunteerStatus.REJECTED);
		assertThat(rejected.decisionReason()).isEqualTo("不在本社区居住");
		assertThatThrownBy(() -> volunteers.approve(second.id(), rejected.version(), liaison))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void staffOutsideTheCommunitysStreetCannotDecide() {
		RegionView community = community();
		Volunteer volunteer = register(community, "丙", phone(), VolunteerKind.VOLUNTEER);
		assertThatThrownBy(() -> volunteers.approve(volunteer.id(), volunteer.version(), accounts.principal("xingcheng")))
			.isInstanceOf(OutOfScopeException.class);
		assertThat(volunteers.find(volunteer.id()).orElseThrow().status()).isEqualTo(VolunteerStatus.PENDING);
	}

	@Test
	void hoursAddUpPerPersonForTheYearAndEver() {
		clock.setTo(Instant.parse("2026-05-01T02:00:00Z"));
		RegionView community = community();
		Volunteer a = approved(community, "甲", phone(), VolunteerKind.VOLUNTEER);
		Volunteer b = approved(community, "乙", phone(), VolunteerKind.VOLUNTEER);
		Volunteer idle = approved(community, "丙", phone(), VolunteerKind.VOLUNTEER);
		VolunteerActivity march = activities.createUnchecked(community, "三月清洁", LocalDate.of(2026, 3, 10),
				new BigDecimal("2.5"), "test");
		VolunteerActivity april = activities.createUnchecked(community, "四月劝导", LocalDate.of(2026, 4, 2),
				new BigDecimal("3"), "test");
		VolunteerActivity lastYear = activities.createUnchecked(community, "岁末宣传", LocalDate.of(2025, 12, 20),
				new BigDecimal("4.0"), "test");
		activities.recordAttendanceUnchecked(march, List.of(a.id()));
		activities.recordAttendanceUnchecked(april, List.of(a.id(), b.id()));
		activities.recordAttendanceUnchecked(lastYear, List.of(a.id()));

		VolunteerOverview ofA = overviewOf(a, community, 2026);
		assertThat(ofA.hoursInYear()).isEqualByComparingTo("5.5"); // 2.5 + 3
		assertThat(ofA.totalHours()).isEqualByComparingTo("9.5"); // 2.5 + 3 + 4
		assertThat(ofA.activitiesInYear()).isEqualTo(2);
		VolunteerOverview ofB = overviewOf(b, community, 2026);
		assertThat(ofB.hoursInYear()).isEqualByComparingTo("3.0");
		assertThat(ofB.totalHours()).isEqualByComparingTo("3.0");
		assertThat(ofB.activitiesInYear()).isEqualTo(1);
		assertThat(overviewOf(idle, community, 2026).totalHours()).isEqualByComparingTo("0");
		assertThat(overviewOf(a, community, 2025).hoursInYear()).isEqualByComparingTo("4.0");

		// attendance is replaced, not added to: recording April again without 乙 takes 乙's three hours away
		activities.recordAttendanceUnchecked(april, List.of(a.id()));
		assertThat(overviewOf(b, community, 2026).hoursInYear()).isEqualByComparingTo("0");
		assertThat(activities.find(april.id()).orElseThrow().attendees()).isEqualTo(1);
	}

	@Test
	void onlyApprovedVolunteersOfTheCommunityAttendAndOnlyOnceTheActivityWasHeld() {
		clock.setTo(Instant.parse("2026-05-01T02:00:00Z"));
		RegionView community = community();
		RegionView other = community();
		Volunteer pending = register(community, "待审", phone(), VolunteerKind.VOLUNTEER);
		Volunteer elsewhere = approved(other, "外社区", phone(), VolunteerKind.VOLUNTEER);
		VolunteerActivity held = activities.createUnchecked(community, "已举行", LocalDate.of(2026, 4, 30),
				new BigDecimal("1.5"), "test");
		assertThatThrownBy(() -> activities.recordAttendanceUnchecked(held, List.of(pending.id())))
			.isInstanceOf(InvalidRequestException.class)
			.hasMessage("volunteer.activity.notEligible");
		assertThatThrownBy(() -> activities.recordAttendanceUnchecked(held, List.of(elsewhere.id())))
			.isInstanceOf(InvalidRequestException.class);
		// 2 May in Shanghai is still tomorrow at 02:00 UTC on 1 May
		VolunteerActivity tomorrow = activities.createUnchecked(community, "明天", LocalDate.of(2026, 5, 2),
				new BigDecimal("2"), "test");
		assertThatThrownBy(() -> activities.recordAttendanceUnchecked(tomorrow, List.of()))
			.isInstanceOf(InvalidRequestException.class)
			.hasMessage("volunteer.activity.notYetHeld");
		assertThatThrownBy(() -> activities.createUnchecked(community, "太长", LocalDate.of(2026, 4, 1),
				new BigDecimal("1.25"), "test"))
			.isInstanceOf(InvalidRequestException.class)
			.hasMessage("volunteer.activity.hours");
		assertThatThrownBy(() -> activities.createUnchecked(community, "超时", LocalDate.of(2026, 4, 1),
				new BigDecimal("24.5"), "test"))
			.isInstanceOf(InvalidRequestException.class);
	}

	private void reportAt(String instant, RegionView community, String phone, ReportKind kind) {
		clock.setTo(Instant.parse(instant));
		intake.submitFromResident(ReportSubmission.fromResident(Channel.QR_CODE, community.code(), "E0101", kind,
				"监督员反映：路边垃圾堆放", null, null, null, null, phone, List.of(), null, null));
	}

	@Test
	void aSupervisorsReportsAndSuggestionsAreCountedByPhoneInTheShanghaiYear() {
		RegionView community = community();
		String phone = phone();
		Volunteer supervisor = approved(community, "监督员", phone, VolunteerKind.CITIZEN_SUPERVISOR);
		Volunteer quiet = approved(community, "没反映过", phone(), VolunteerKind.CITIZEN_SUPERVISOR);
		// 2025-12-31 23:59 in Shanghai: counts in 2025
		reportAt("2025-12-31T15:59:00Z", community, phone, ReportKind.COMPLAINT);
		// 2026-01-01 00:00 in Shanghai: counts in 2026
		reportAt("2025-12-31T16:00:00Z", community, phone, ReportKind.COMPLAINT);
		reportAt("2026-03-01T02:00:00Z", community, phone, ReportKind.SUGGESTION);
		reportAt("2026-03-02T02:00:00Z", community, phone(), ReportKind.SUGGESTION);
		// typed with spaces on the reporting page, stored as digits: still the supervisor's
		reportAt("2026-03-03T02:00:00Z", community, phone.substring(0, 3) + " " + phone.substring(3), ReportKind.HELP);

		assertThat(overviewOf(supervisor, community, 2026).reportsInYear()).isEqualTo(new ReporterCounts(3, 1));
		assertThat(overviewOf(supervisor, community, 2025).reportsInYear()).isEqualTo(new ReporterCounts(1, 0));
		assertThat(overviewOf(quiet, community, 2026).reportsInYear()).isEqualTo(ReporterCounts.NONE);
	}

	@Test
	void phonesAreShownInFullOnlyToRolesThatNeedThem() throws Exception {
		RegionView community = community();
		String phone = phone();
		approved(community, "手机号测试", phone, VolunteerKind.VOLUNTEER);
		String masked = phone.substring(0, 3) + "****" + phone.substring(7);
		String communityStaff = accounts.newAccount("vol", community.code(), Role.COMMUNITY_STAFF);
		mvc.perform(get("/engagement/volunteers").with(accounts.as(communityStaff)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(masked)))
			.andExpect(content().string(not(containsString(phone))));
		mvc.perform(get("/engagement/volunteers").param("communityId", String.valueOf(community.id()))
			.with(accounts.as("xingren")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(phone)));
	}

	@Test
	void staffApproveAndRecordAttendanceThroughThePages() throws Exception {
		RegionView community = community();
		Volunteer volunteer = register(community, "页面审核", phone(), VolunteerKind.VOLUNTEER);
		mvc.perform(post("/engagement/volunteers/" + volunteer.id() + "/reject").param("version", "0")
			.with(accounts.as("xingren")).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("请填写未通过的原因")));
		mvc.perform(post("/engagement/volunteers/" + volunteer.id() + "/approve").param("version", "0")
			.with(accounts.as("inspector")).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/engagement/volunteers/" + volunteer.id() + "/approve").param("version", "0")
			.with(accounts.as("xingren")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		String location = mvc.perform(post("/engagement/volunteers/activities")
			.param("communityId", String.valueOf(community.id())).param("title", "页面活动")
			.param("date", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(1).toString())
			.param("hoursPerPerson", "2.5").with(accounts.as("xingren")).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(post(location + "/attendance").param("volunteerIds", String.valueOf(volunteer.id()))
			.with(accounts.as("xingren")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get(location).with(accounts.as("xingren")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("页面审核")))
			.andExpect(content().string(containsString("1 人")));
		mvc.perform(post("/engagement/volunteers/activities").param("communityId", String.valueOf(community.id()))
			.param("title", "坏时长").param("date", "2026-01-01").param("hoursPerPerson", "两小时")
			.with(accounts.as("xingren")).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("请输入数字")));
		mvc.perform(get("/engagement/volunteers/activities").with(accounts.as("xingren")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("页面活动")));
	}

}
