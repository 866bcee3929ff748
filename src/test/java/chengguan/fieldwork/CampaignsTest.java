package chengguan.fieldwork;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import chengguan.cases.CaseRow;
import chengguan.fieldwork.DutyLogEntry.Participant;
import chengguan.intake.Channel;
import chengguan.intake.IntakeService;
import chengguan.intake.ReportKind;
import chengguan.intake.ReportSubmission;
import chengguan.organization.RegionDetails;
import chengguan.organization.RegionLevel;
import chengguan.organization.RegionService;
import chengguan.organization.RegionView;
import chengguan.platform.security.OutOfScopeException;
import chengguan.platform.security.Role;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.web.InvalidRequestException;
import chengguan.platform.web.UserFacingException;
import chengguan.support.MutableClock;
import chengguan.support.OwnRegionsTest;
import chengguan.support.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 专项整治: templates, status by date, linking patrols, and the progress figures cut to the person's scope. */
class CampaignsTest extends OwnRegionsTest {

	@Autowired
	Campaigns campaigns;

	@Autowired
	DutyLogs logs;

	@Autowired
	RegionService regions;

	@Autowired
	IntakeService intake;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	MutableClock clock;

	@Autowired
	MessageSource messages;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	private long regionId(String code) {
		return regions.findByCode(code).orElseThrow().id();
	}

	private long categoryId(String code) {
		return jdbc.sql("SELECT id FROM category WHERE code = ?").param(code).query(Long.class).single();
	}

	private long staff(String phone) {
		return jdbc.sql("SELECT id FROM staff WHERE phone = ?").param(phone).query(Long.class).single();
	}

	private Campaign campaign(String name, LocalDate start, LocalDate end, List<Long> regionIds, String... categories) {
		return campaigns.createUnchecked(new CampaignDetails(name, "测试", start, end, regionIds,
				java.util.Arrays.stream(categories).map(this::categoryId).toList(), null), "test");
	}

	@Test
	void aCampaignFromTheTemplateCopiesItsCategoriesWithTheirFocusItems() {
		CampaignTemplate template = campaigns.templateByCode("QINGSHUANG").orElseThrow();
		assertThat(template.name()).isEqualTo("清爽行动「一补一复治六乱」");
		// 一补 (补绿复壮) and 六乱, in the document's order
		assertThat(template.items().stream().map(CampaignTemplate.Item::focus).distinct())
			.containsExactly("补绿复壮", "乱停乱放", "乱搭乱建", "乱堆乱放", "乱占乱摆", "乱拉乱接", "乱贴乱画");
		assertThat(template.items()).hasSize(20);

		LocalDate today = campaigns.today();
		Campaign campaign = campaigns.createUnchecked(campaigns.fromTemplate(template, today, today.plusDays(30),
				List.of(regionId("370471002"))), "test");

		assertThat(campaign.templateId()).isEqualTo(template.id());
		assertThat(campaign.name()).isEqualTo("清爽行动「一补一复治六乱」");
		assertThat(campaign.categoryIds()).containsExactlyInAnyOrderElementsOf(template.categoryIds());
		Map<String, String> focusByCode = campaign.categories()
			.stream()
			.collect(Collectors.toMap(Campaign.Focus::code, Campaign.Focus::focus));
		assertThat(focusByCode).containsEntry("E050601", "补绿复壮")
			.containsEntry("C0402", "补绿复壮")
			.containsEntry("E050203", "乱停乱放")
			.containsEntry("E05050103", "乱搭乱建")
			.containsEntry("E0503", "乱堆乱放")
			.containsEntry("E050101", "乱占乱摆")
			.containsEntry("E050401", "乱拉乱接")
			.containsEntry("E0201", "乱贴乱画")
			.containsEntry("E0207", "乱贴乱画");
		assertThat(campaign.targets()).extracting(Campaign.Target::name).containsExactly("兴城街道");
	}

	@Test
	void theStatusFollowsTheDatesWithTheFirstAndLastDayRunning() {
		LocalDate today = campaigns.today();
		Campaign campaign = campaign("状态测试", today.plusDays(2), today.plusDays(4), List.of(regionId("370471")),
				"E0503");
		assertThat(campaigns.status(campaign)).isEqualTo(CampaignStatus.NOT_STARTED);
		clock.advance(Duration.ofDays(1));
		assertThat(campaigns.status(campaign)).isEqualTo(CampaignStatus.NOT_STARTED);
		clock.advance(Duration.ofDays(1));
		assertThat(campaigns.status(campaign)).isEqualTo(CampaignStatus.RUNNING);
		clock.advance(Duration.ofDays(2));
		assertThat(campaigns.status(campaign)).isEqualTo(CampaignStatus.RUNNING);
		clock.advance(Duration.ofDays(1));
		assertThat(campaigns.status(campaign)).isEqualTo(CampaignStatus.ENDED);
	}

	private DutyLogEntry patrol(String community, LocalDate date, LocalTime start, LocalTime end, String finding,
			String findingCategory, Long campaignId) {
		return new DutyLogEntry(community, date, start, end, Set.of(WorkItem.PATROL, WorkItem.SPECIAL_INSPECTION),
				"专项整治巡查，劝导整改", finding, findingCategory,
				List.of(new Participant(Participant.Role.STAFF, staff("13800003002"), null, null)), null, null, null,
				campaignId);
	}

	@Test
	void aPatrolIsLinkedOnlyToACampaignRunningOnItsDayAndCoveringItsCommunity() {
		StaffPrincipal liaison = accounts.principal("xingcheng");
		LocalDate today = campaigns.today();
		Campaign xingchengGarden = campaign("兴城花园整治", today.minusDays(10), today.minusDays(5),
				List.of(regionId("370471002007")), "E0503");

		assertThatThrownBy(() -> logs.record(patrol("370471002007", today.minusDays(2), LocalTime.of(9, 0),
				LocalTime.of(10, 0), null, null, xingchengGarden.id()), liaison))
			.isInstanceOf(InvalidRequestException.class)
			.hasFieldOrPropertyWithValue("messageCode", "dutylog.campaign.notRunning")
			.satisfies(ex -> assertThat(((UserFacingException) ex).message(messages))
				.isEqualTo("专项整治“兴城花园整治”在 " + today.minusDays(2) + " 不在进行中（" + today.minusDays(10) + " 至 "
						+ today.minusDays(5) + "），不能关联。"));
		assertThatThrownBy(() -> logs.record(patrol("370471002008", today.minusDays(7), LocalTime.of(9, 0),
				LocalTime.of(10, 0), null, null, xingchengGarden.id()), liaison))
			.hasFieldOrPropertyWithValue("messageCode", "dutylog.campaign.notCovering")
			.satisfies(ex -> assertThat(((UserFacingException) ex).message(messages))
				.isEqualTo("专项整治“兴城花园整治”的整治区域不包括锦绣园社区，不能关联。"));
		assertThatThrownBy(() -> logs.record(patrol("370471002007", today.minusDays(7), LocalTime.of(9, 0),
				LocalTime.of(10, 0), null, null, -1L), liaison))
			.hasFieldOrPropertyWithValue("messageCode", "dutylog.campaign.unknown");

		DutyLogs.Recorded linked = logs.record(patrol("370471002007", today.minusDays(5), LocalTime.of(9, 0),
				LocalTime.of(10, 0), null, null, xingchengGarden.id()), liaison);
		assertThat(jdbc.sql("SELECT campaign_id FROM duty_log WHERE id = ?").param(linked.id()).query(Long.class)
			.single()).isEqualTo(xingchengGarden.id());
		assertThat(campaigns.linkable(today.minusDays(5), regions.findByCode("370471002007").orElseThrow().path(),
				liaison)).extracting(Campaign::id).contains(xingchengGarden.id());
		assertThat(campaigns.linkable(today.minusDays(4), null, liaison)).extracting(Campaign::id)
			.doesNotContain(xingchengGarden.id());
	}

	// ---- progress on a hand-built set of cases

	/** A street of its own (two communities) and a second street with one community, so nothing else is counted. */
	record Area(RegionView street, RegionView a, RegionView b, RegionView otherStreet, RegionView c, RegionView d) {
	}

	private Area area() {
		RegionView district = regions.findByCode("370471").orElseThrow();
		String prefix = "CMP" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
		RegionView street = regions.createChildUnchecked(district, RegionLevel.STREET, details(prefix + "S", "整治街道"));
		RegionView other = regions.createChildUnchecked(district, RegionLevel.STREET, details(prefix + "T", "另一街道"));
		return new Area(street,
				regions.createChildUnchecked(street, RegionLevel.COMMUNITY, details(prefix + "SA", "甲社区")),
				regions.createChildUnchecked(street, RegionLevel.COMMUNITY, details(prefix + "SB", "乙社区")), other,
				regions.createChildUnchecked(other, RegionLevel.COMMUNITY, details(prefix + "TC", "丙社区")),
				regions.createChildUnchecked(other, RegionLevel.COMMUNITY, details(prefix + "TD", "丁社区")));
	}

	private static RegionDetails details(String code, String name) {
		return new RegionDetails(code, name, 1000, 300, new BigDecimal("1.0"), null, null, 1);
	}

	/** A case from a hotline work order taken at this Beijing time, then put in the given state. */
	private long aCase(RegionView community, String category, String beijingTime, String state, Instant due) {
		Instant received = OffsetDateTime.parse(beijingTime + "+08:00").toInstant();
		long report = intake.importWorkOrder(new ReportSubmission(Channel.HOTLINE_12345, community.code(), category,
				ReportKind.COMPLAINT, "专项整治统计测试用工单", null, null, null, null, null, null, List.of(), null, null, null,
				received), "test").id();
		jdbc.sql("UPDATE case_file SET state = ?, accept_due_at = ?, handle_due_at = ? WHERE report_id = ?")
			.params(state, chengguan.platform.persistence.DbTime.utc(due), chengguan.platform.persistence.DbTime.utc(due),
					report)
			.update();
		return jdbc.sql("SELECT id FROM case_file WHERE report_id = ?").param(report).query(Long.class).single();
	}

	record Fixture(Area area, Campaign campaign, List<Long> countedNewestFirst) {
	}

	/**
	 * Campaign over street S and community C (of street T), 乱堆乱放 and 飞线充电, March 2025. Counted: 1 (A, pending,
	 * overdue), 2 (A, closed), 3 (B, archived), 4 (B, registered on the last day at 23:30, due later), 5 (C, handling
	 * from 00:10 on the first day, overdue). Not counted: a merged one, the evening before, the morning after, a
	 * category outside, a community outside. Patrols: A 150 min with a finding that became a case, C 60 min.
	 */
	private Fixture fixture() {
		Area area = area();
		Campaign campaign = campaign("三月整治", LocalDate.parse("2025-03-01"), LocalDate.parse("2025-03-31"),
				List.of(area.street().id(), area.c().id()), "E0503", "E050401");
		Instant past = Instant.parse("2025-04-15T00:00:00Z");
		Instant future = clock.instant().plus(Duration.ofDays(3));
		long one = aCase(area.a(), "E0503", "2025-03-02T10:00:00", "PENDING", past);
		long two = aCase(area.a(), "E050401", "2025-03-10T10:00:00", "CLOSED", past);
		long three = aCase(area.b(), "E0503", "2025-03-15T10:00:00", "ARCHIVED", past);
		long four = aCase(area.b(), "E050401", "2025-03-31T23:30:00", "REGISTERED", future);
		long five = aCase(area.c(), "E0503", "2025-03-01T00:10:00", "HANDLING", past);
		aCase(area.a(), "E0503", "2025-03-05T10:00:00", "MERGED", past);
		aCase(area.a(), "E0503", "2025-02-28T23:50:00", "PENDING", past);
		aCase(area.a(), "E0503", "2025-04-01T00:05:00", "PENDING", past);
		aCase(area.a(), "E050101", "2025-03-10T10:00:00", "PENDING", past);
		aCase(area.d(), "E0503", "2025-03-10T10:00:00", "PENDING", past);

		StaffPrincipal recorder = accounts.principal(accounts.newAccount("cmprec", area.street().code(), Role.LIAISON));
		StaffPrincipal otherRecorder = accounts
			.principal(accounts.newAccount("cmprec", area.otherStreet().code(), Role.LIAISON));
		DutyLogs.Recorded withFinding = logs.record(patrol(area.a().code(), LocalDate.parse("2025-03-05"),
				LocalTime.of(9, 0), LocalTime.of(11, 30), "楼道堆放杂物", "E0503", campaign.id()), recorder);
		assertThat(withFinding.findingReportId()).isNotNull();
		logs.record(patrol(area.c().code(), LocalDate.parse("2025-03-20"), LocalTime.of(14, 0), LocalTime.of(15, 0),
				null, null, campaign.id()), otherRecorder);
		return new Fixture(area, campaign, List.of(four, three, two, one, five));
	}

	@Test
	void progressCountsTheCasesOfTheCampaignsCategoriesRegionsAndPeriodAndItsPatrols() {
		Fixture fixture = fixture();
		StaffPrincipal leader = accounts.principal("leader");

		CampaignProgress progress = campaigns.progress(fixture.campaign(), leader);

		CampaignProgress.Figures overall = progress.overall();
		assertThat(overall.cases()).isEqualTo(5);
		assertThat(overall.closed()).isEqualTo(2);
		assertThat(overall.closureRate()).isEqualByComparingTo("40.0");
		assertThat(overall.openOverdue()).isEqualTo(2);
		assertThat(overall.patrols()).isEqualTo(2);
		assertThat(overall.patrolMinutes()).isEqualTo(210);
		assertThat(overall.patrolHours()).isEqualByComparingTo("3.5");
		assertThat(overall.findingsAsCases()).isEqualTo(1);

		assertThat(progress.regions()).extracting(r -> r.target().name()).containsExactly("整治街道", "丙社区");
		CampaignProgress.Figures street = progress.regions().get(0).figures();
		assertThat(List.of(street.cases(), street.closed(), street.openOverdue(), street.patrols(),
				street.patrolMinutes(), street.findingsAsCases())).containsExactly(4, 2, 1, 1, 150, 1);
		assertThat(street.closureRate()).isEqualByComparingTo("50.0");
		CampaignProgress.Figures c = progress.regions().get(1).figures();
		assertThat(List.of(c.cases(), c.closed(), c.openOverdue(), c.patrols(), c.patrolMinutes(),
				c.findingsAsCases())).containsExactly(1, 0, 1, 1, 60, 0);
		assertThat(c.closureRate()).isEqualByComparingTo("0.0");

		assertThat(campaigns.cases(fixture.campaign(), 100, leader)).extracting(CaseRow::id)
			.containsExactlyElementsOf(fixture.countedNewestFirst());
		assertThat(campaigns.patrols(fixture.campaign(), leader)).extracting(LinkedPatrol::communityName)
			.containsExactly("丙社区", "甲社区");
	}

	@Test
	void aStreetOrCommunitySeesOnlyItsOwnPartOfTheFiguresAndAnotherStreetNothing() {
		Fixture fixture = fixture();
		Area area = fixture.area();

		StaffPrincipal streetS = accounts.principal(accounts.newAccount("cmpS", area.street().code(), Role.LEADER));
		CampaignProgress ofS = campaigns.progress(campaigns.get(fixture.campaign().id(), streetS), streetS);
		assertThat(List.of(ofS.overall().cases(), ofS.overall().closed(), ofS.overall().openOverdue(),
				ofS.overall().patrols(), ofS.overall().patrolMinutes(), ofS.overall().findingsAsCases()))
			.containsExactly(4, 2, 1, 1, 150, 1);
		assertThat(ofS.regions()).extracting(r -> r.target().name()).containsExactly("整治街道");
		assertThat(campaigns.cases(fixture.campaign(), 100, streetS)).hasSize(4);

		// street T holds target C: its part is C alone
		StaffPrincipal streetT = accounts.principal(accounts.newAccount("cmpT", area.otherStreet().code(), Role.LEADER));
		CampaignProgress ofT = campaigns.progress(fixture.campaign(), streetT);
		assertThat(List.of(ofT.overall().cases(), ofT.overall().closed(), ofT.overall().openOverdue(),
				ofT.overall().patrols())).containsExactly(1, 0, 1, 1);

		// community A lies inside target S: the figures are A's part of it
		StaffPrincipal communityA = accounts.principal(accounts.newAccount("cmpA", area.a().code(), Role.COMMUNITY_STAFF));
		CampaignProgress ofA = campaigns.progress(campaigns.get(fixture.campaign().id(), communityA), communityA);
		assertThat(List.of(ofA.overall().cases(), ofA.overall().closed(), ofA.overall().openOverdue(),
				ofA.overall().patrols())).containsExactly(2, 1, 1, 1);
		assertThat(ofA.overall().closureRate()).isEqualByComparingTo("50.0");
		assertThat(ofA.regions()).singleElement().satisfies(r -> assertThat(r.partOnly()).isTrue());

		StaffPrincipal xingren = accounts.principal("xingren");
		assertThatThrownBy(() -> campaigns.get(fixture.campaign().id(), xingren))
			.isInstanceOf(OutOfScopeException.class);
		assertThat(campaigns.visible(xingren)).extracting(Campaign::id).doesNotContain(fixture.campaign().id());
		assertThat(campaigns.visible(streetT)).extracting(Campaign::id).contains(fixture.campaign().id());
	}

}
