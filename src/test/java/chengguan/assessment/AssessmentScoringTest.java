package chengguan.assessment;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import chengguan.fieldwork.DutyLogEntry;
import chengguan.fieldwork.DutyLogs;
import chengguan.fieldwork.VisitPeriod;
import chengguan.fieldwork.VisitRule;
import chengguan.fieldwork.VisitRules;
import chengguan.fieldwork.WorkItem;
import chengguan.organization.AssignmentDetails;
import chengguan.organization.AssignmentService;
import chengguan.organization.RegionDetails;
import chengguan.organization.RegionLevel;
import chengguan.organization.RegionService;
import chengguan.organization.RegionView;
import chengguan.organization.RosterService;
import chengguan.organization.StaffDetails;
import chengguan.organization.TeamRole;
import chengguan.organization.UnitDetails;
import chengguan.organization.UnitKind;
import chengguan.platform.security.DataScope;
import chengguan.platform.security.Role;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.web.InvalidRequestException;
import chengguan.support.OwnRegionsTest;
import chengguan.support.MutableClock;
import chengguan.support.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The default 20-point block scored for March 2025 on a street of its own (today is 10 April), worked out by hand:
 *
 * <pre>
 * street: rule ≥ 1 visit of ≥ 30 min a month; squadron 评分中队 with liaisons 甲, 乙, 丙
 * community 一: liaisons 甲, 乙     community 二: liaisons 甲, 丙
 * visits in March: 甲 once in 一 and once in 二 (60 min each); 乙 and 丙 none
 * February's ledger of the squadron (due 2 March) never submitted → 1 late ledger for everyone → 台账 2 − 1 = 1
 * 双向评价 for March: 一 rates 甲 5/4/5 and the squadron 4/4/4; 二 rates 甲 3/4/2
 *   甲 received (14 + 9) / 6 = 3.833 → 2 × (3.833 − 2.5) / 2 = 1.33; squadron 4.0 → 1.50
 *   一 gave (14 + 12) / 6 = 4.333 → 1.83; 二 gave 9 / 3 = 3.0 → 0.50
 * no cases: 办结率, 满意率 have no figures → 0 each
 * 走访达标 (100 → 4, 50 → 0): 甲 2 of 2 pairs → 4; 乙, 丙 0 of 1 → 0; squadron 2 of 4 = 50 % → 0;
 *   一 1 of 2 → 0; 二 1 of 2 → 0
 * liaisons: 甲 4 + 1 + 1.33 = 6.33 (1st); 丙 1.00 and 乙 1.00 share 2nd (丙 U+4E19 sorts before 乙 U+4E59)
 * squadron: 0 + 1 + 1.50 = 2.50; communities: 一 1 + 1.83 = 2.83, 二 1 + 0.50 = 1.50
 * </pre>
 */
class AssessmentScoringTest extends OwnRegionsTest {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final Period MARCH = Period.of(Period.Kind.MONTH, LocalDate.of(2025, 3, 1));

	@Autowired
	AssessmentScores scores;

	@Autowired
	Indicators indicators;

	@Autowired
	MutualRatings ratings;

	@Autowired
	RegionService regions;

	@Autowired
	RosterService roster;

	@Autowired
	AssignmentService assignments;

	@Autowired
	VisitRules visitRules;

	@Autowired
	DutyLogs dutyLogs;

	@Autowired
	TestAccounts accounts;

	@Autowired
	MutableClock clock;

	@Autowired
	MockMvc mvc;

	private RegionView street;

	private RegionView one;

	private RegionView two;

	private long squadron;

	private long jia;

	private long yi;

	private long bing;

	@BeforeEach
	void aStreetWithTwoCommunitiesAndASquadron() {
		at(ZonedDateTime.of(2025, 4, 10, 9, 0, 0, 0, SHANGHAI));
		RegionView district = regions.findByCode("370471").orElseThrow();
		String code = "8" + System.nanoTime() % 100_000_000;
		street = regions.createChildUnchecked(district, RegionLevel.STREET,
				new RegionDetails(code, "评分测试街道" + code, null, null, null, null, null, 99));
		one = regions.createChildUnchecked(street, RegionLevel.COMMUNITY,
				new RegionDetails(code + "001", "评分社区一", null, null, null, null, null, 1));
		two = regions.createChildUnchecked(street, RegionLevel.COMMUNITY,
				new RegionDetails(code + "002", "评分社区二", null, null, null, null, null, 2));
		squadron = roster.createUnitUnchecked(new UnitDetails(UnitKind.SQUADRON, "评分中队" + code, street.id(), null,
				null, null, 1, true)).id();
		jia = roster.createStaffUnchecked(new StaffDetails("评分联络员甲", squadron, "联络员", null, null, null, true)).id();
		yi = roster.createStaffUnchecked(new StaffDetails("评分联络员乙", squadron, "联络员", null, null, null, true)).id();
		bing = roster.createStaffUnchecked(new StaffDetails("评分联络员丙", squadron, "联络员", null, null, null, true)).id();
		assignments.assignUnchecked(one.id(), new AssignmentDetails("社区联系人", null, null, null, new TreeSet<>(), null,
				Map.of(jia, TeamRole.LIAISON, yi, TeamRole.LIAISON)));
		assignments.assignUnchecked(two.id(), new AssignmentDetails("社区联系人", null, null, null, new TreeSet<>(), null,
				Map.of(jia, TeamRole.LIAISON, bing, TeamRole.LIAISON)));
		visitRules.setUnchecked(new VisitRule(street.id(), VisitPeriod.MONTH, 1, 30, 0, "测试规则"));
	}

	@AfterEach
	void backToNow() {
		clock.reset();
	}

	@Test
	void theDefaultBlockIsTwentyPointsInFiveIndicators() {
		Indicator block = defaultBlock();
		assertThat(block.points()).isEqualByComparingTo("20");
		assertThat(block.children()).extracting(Indicator::name)
			.containsExactly("办结率", "满意率", "走访达标", "台账按时报送", "双向评价");
		assertThat(block.childrenPoints()).isEqualByComparingTo("20");
		assertThat(block.unbalanced()).isFalse();
		assertThat(block.children().get(0).kpi()).isEqualTo(Kpi.CLOSURE_RATE);
		assertThat(block.children().get(3).rule()).isEqualTo(IndicatorRule.DEDUCTION);
	}

	@Test
	void ratingsAverageIntoTheScoresAndLiaisonsSquadronsAndCommunitiesAreRanked() throws Exception {
		visit(jia, one, LocalDate.of(2025, 3, 5));
		visit(jia, two, LocalDate.of(2025, 3, 19));
		StaffPrincipal oneStaff = accounts.principal(accounts.newAccount("rate-one", one.code(), Role.COMMUNITY_STAFF));
		StaffPrincipal twoStaff = accounts.principal(accounts.newAccount("rate-two", two.code(), Role.COMMUNITY_STAFF));
		YearMonth march = YearMonth.of(2025, 3);

		// the liaisons (by name), then their squadron
		assertThat(ratings.targets(one)).extracting(MutualRatingTarget::name)
			.containsExactly("评分联络员乙", "评分联络员甲", roster.findUnit(squadron).orElseThrow().name());
		ratings.rate(one, rating(one, march, MutualRatingTarget.Kind.STAFF, jia, 5, 4, 5), oneStaff);
		ratings.rate(one, rating(one, march, MutualRatingTarget.Kind.UNIT, squadron, 2, 2, 2), oneStaff);
		// changed the same month: the later rating replaces the earlier
		ratings.rate(one, rating(one, march, MutualRatingTarget.Kind.UNIT, squadron, 4, 4, 4), oneStaff);
		ratings.rate(two, rating(two, march, MutualRatingTarget.Kind.STAFF, jia, 3, 4, 2), twoStaff);

		assertThat(ratings.averageReceived(MutualRatingTarget.Kind.STAFF, jia, march, march)).isCloseTo(23.0 / 6,
				within(1e-9));
		assertThat(ratings.averageReceived(MutualRatingTarget.Kind.UNIT, squadron, march, march)).isEqualTo(4.0);
		assertThat(ratings.averageReceived(MutualRatingTarget.Kind.STAFF, yi, march, march)).isNull();
		assertThat(ratings.averageGiven(one.id(), march, march)).isCloseTo(26.0 / 6, within(1e-9));
		assertThat(ratings.averageReceived(MutualRatingTarget.Kind.STAFF, jia, march.plusMonths(1),
				march.plusMonths(1))).isNull();

		// refused: a score of 6, a month two back, someone who is not the community's, another community
		assertThatThrownBy(() -> ratings.rate(one, rating(one, march, MutualRatingTarget.Kind.STAFF, yi, 6, 4, 4),
				oneStaff)).isInstanceOf(InvalidRequestException.class);
		assertThatThrownBy(() -> ratings.rate(one, rating(one, YearMonth.of(2025, 2), MutualRatingTarget.Kind.STAFF,
				yi, 4, 4, 4), oneStaff)).isInstanceOf(InvalidRequestException.class);
		assertThatThrownBy(() -> ratings.rate(one, rating(one, march, MutualRatingTarget.Kind.STAFF, bing, 4, 4, 4),
				oneStaff)).isInstanceOf(InvalidRequestException.class);
		assertThatThrownBy(() -> ratings.rate(two, rating(two, march, MutualRatingTarget.Kind.STAFF, jia, 4, 4, 4),
				oneStaff)).isInstanceOf(chengguan.platform.web.NotFoundException.class);

		DataScope streetScope = new DataScope(street.id(), street.path(), street.name());
		long block = defaultBlock().id();
		AssessmentRanking liaisons = scores.ranking(block, AssessmentSubject.Kind.LIAISON, MARCH, streetScope);
		assertThat(liaisons.rows()).extracting(row -> row.subject().name())
			.containsExactly("评分联络员甲", "评分联络员丙", "评分联络员乙");
		assertThat(liaisons.rows()).extracting(AssessmentRanking.Row::rank).containsExactly(1, 2, 2);
		assertThat(liaisons.rows()).extracting(row -> row.total().toPlainString())
			.containsExactly("6.33", "1.00", "1.00");
		List<IndicatorScore> jiaLeaves = liaisons.rows().get(0).score().leaves();
		assertThat(jiaLeaves).extracting(score -> score.points().toPlainString())
			.containsExactly("0.00", "0.00", "4.00", "1.00", "1.33");
		assertThat(jiaLeaves.get(0).missing()).isTrue();
		assertThat(jiaLeaves.get(2).input()).isEqualTo(100.0);
		assertThat(jiaLeaves.get(3).input()).isEqualTo(1.0);

		AssessmentRanking squadrons = scores.ranking(block, AssessmentSubject.Kind.SQUADRON, MARCH, streetScope);
		assertThat(squadrons.rows()).hasSize(1);
		assertThat(squadrons.rows().get(0).total()).isEqualByComparingTo("2.50");
		assertThat(squadrons.rows().get(0).score().leaves().get(2).input()).isEqualTo(50.0);

		AssessmentRanking communities = scores.ranking(block, AssessmentSubject.Kind.COMMUNITY, MARCH, streetScope);
		assertThat(communities.rows()).extracting(row -> row.subject().name() + " " + row.total().toPlainString())
			.containsExactly("评分社区一 2.83", "评分社区二 1.50");

		// the pages: a leader of the street sees the ranking, the community rates through the form
		String leader = accounts.newAccount("score-leader", street.code(), Role.LEADER);
		mvc.perform(get("/assessment/scores").param("kind", "LIAISON").param("date", "2025-03-01")
			.with(accounts.as(leader)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("评分联络员甲")))
			.andExpect(content().string(containsString("6.33")))
			.andExpect(content().string(containsString("无数据")));
		mvc.perform(get("/assessment/scores").param("kind", "NOBODY").with(accounts.as(leader)))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/assessment/ratings").with(accounts.as(oneStaff.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("评分联络员乙")));
		mvc.perform(post("/assessment/ratings").with(csrf()).with(accounts.as(oneStaff.username()))
			.param("month", "2025-04").param("targetKind", "STAFF").param("targetId", Long.toString(yi))
			.param("attitude", "4").param("responsiveness", "3").param("effectiveness", "5").param("comment", "响应及时"))
			.andExpect(status().is3xxRedirection());
		assertThat(ratings.averageReceived(MutualRatingTarget.Kind.STAFF, yi, YearMonth.of(2025, 4),
				YearMonth.of(2025, 4))).isEqualTo(4.0);
		mvc.perform(post("/assessment/ratings").with(csrf()).with(accounts.as(oneStaff.username()))
			.param("month", "2025-04").param("targetKind", "STAFF").param("targetId", Long.toString(bing))
			.param("attitude", "4").param("responsiveness", "3").param("effectiveness", "5"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("只能评价本社区的联络员和所属中队")));
		mvc.perform(get("/assessment/ratings").with(accounts.as(leader))).andExpect(status().isForbidden());
		mvc.perform(get("/assessment/indicators").with(accounts.as("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("≥ 97 得满分，≤ 80 得 0 分")));
	}

	@Test
	void anAdminBuildsABlockOfTheirOwnAndScoresAManualIndicatorWithEvidence() throws Exception {
		String name = "专项考核" + System.nanoTime() % 100_000;
		mvc.perform(post("/assessment/indicators").with(csrf()).with(accounts.as("admin"))
			.param("source", "GROUP").param("name", name).param("points", "10").param("sortOrder", "50"))
			.andExpect(status().is3xxRedirection());
		Indicator block = indicators.tree().stream().filter(root -> root.name().equals(name)).findFirst().orElseThrow();
		mvc.perform(post("/assessment/indicators").with(csrf()).with(accounts.as("admin"))
			.param("parentId", Long.toString(block.id())).param("source", "MANUAL").param("name", "创新亮点")
			.param("points", "4").param("sortOrder", "1"))
			.andExpect(status().is3xxRedirection());
		// a linear rule whose target equals its floor is refused with the reason, the form shown again
		mvc.perform(post("/assessment/indicators").with(csrf()).with(accounts.as("admin"))
			.param("parentId", Long.toString(block.id())).param("source", "KPI").param("kpi", "CLOSURE_RATE")
			.param("rule", "LINEAR").param("name", "办结率").param("points", "6").param("target", "90")
			.param("floor", "90"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("线性计分须填写达标值和下限值，且两者不能相等")));
		mvc.perform(post("/assessment/indicators").with(csrf()).with(accounts.as("leader"))
			.param("source", "GROUP").param("name", "不许").param("points", "10"))
			.andExpect(status().isForbidden());
		block = indicators.get(block.id());
		assertThat(block.unbalanced()).isTrue(); // 4 of 10 points so far
		Indicator manual = block.children().get(0);
		assertThat(manual.rule()).isEqualTo(IndicatorRule.MANUAL);
		mvc.perform(get("/assessment/indicators").with(accounts.as("admin")))
			.andExpect(content().string(containsString("下级指标合计 4 分，与本组分值不一致")));

		// raised to 10 points: balanced; an edit from a stale page is refused
		// a correction back to the start of the year the block is scored for (a change from today would leave March as it was)
		indicators.update(manual.id(), manual.version(), new IndicatorDetails("创新亮点", new java.math.BigDecimal("10"),
				IndicatorSource.MANUAL, null, null, null, null, null, false, 1), LocalDate.of(2025, 1, 1));
		assertThat(indicators.get(block.id()).unbalanced()).isFalse();
		assertThatThrownBy(() -> indicators.update(manual.id(), manual.version(), new IndicatorDetails("创新亮点",
				new java.math.BigDecimal("8"), IndicatorSource.MANUAL, null, null, null, null, null, false, 1)))
			.isInstanceOf(InvalidRequestException.class);

		// 7.5 points for community 一 in March, with evidence; 二 has none: no points
		mvc.perform(post("/assessment/scores/manual").with(csrf()).with(accounts.as("admin"))
			.param("indicatorId", Long.toString(manual.id())).param("kind", "COMMUNITY")
			.param("subjectId", Long.toString(one.id())).param("period", "MONTH").param("date", "2025-03-15")
			.param("points", "7.5").param("evidence", "垃圾分类宣传创新做法被区里推广").param("block", Long.toString(block.id())))
			.andExpect(status().is3xxRedirection());
		assertThatThrownBy(() -> scores.enterManual(manual.id(), AssessmentSubject.Kind.COMMUNITY, two.id(), MARCH,
				new java.math.BigDecimal("11"), "超过分值", accounts.principal("admin")))
			.isInstanceOf(InvalidRequestException.class);
		DataScope streetScope = new DataScope(street.id(), street.path(), street.name());
		AssessmentRanking ranking = scores.ranking(block.id(), AssessmentSubject.Kind.COMMUNITY, MARCH, streetScope);
		assertThat(ranking.rows()).extracting(row -> row.rank() + " " + row.subject().name() + " " + row.total())
			.containsExactly("1 评分社区一 7.50", "2 评分社区二 0.00");
		mvc.perform(get("/assessment/scores").param("block", Long.toString(block.id())).param("date", "2025-03-01")
			.with(accounts.as("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("垃圾分类宣传创新做法被区里推广")));
	}

	private Indicator defaultBlock() {
		return indicators.tree().stream().filter(root -> root.name().equals("城管进社区")).findFirst().orElseThrow();
	}

	private static MutualRating rating(RegionView community, YearMonth month, MutualRatingTarget.Kind kind, long id,
			int attitude, int responsiveness, int effectiveness) {
		return new MutualRating(community.id(), month, kind, id, attitude, responsiveness, effectiveness, null);
	}

	private void visit(long staffId, RegionView community, LocalDate date) {
		dutyLogs.record(new DutyLogEntry(community.code(), date, LocalTime.of(9, 0), LocalTime.of(10, 0),
				Set.of(WorkItem.PATROL), "社区巡查走访，了解居民诉求", null, null,
				List.of(new DutyLogEntry.Participant(DutyLogEntry.Participant.Role.STAFF, staffId, null, null)), null,
				null, null), accounts.principal("admin"));
	}

	private void at(ZonedDateTime time) {
		clock.advance(Duration.between(clock.instant(), time.toInstant()));
	}


}
