package chengguan.assessment;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
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

import chengguan.fieldwork.DutyLogEntry;
import chengguan.fieldwork.DutyLogs;
import chengguan.fieldwork.VisitComplianceReport;
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
import chengguan.platform.web.InvalidRequestException;
import chengguan.support.MutableClock;
import chengguan.support.OwnRegionsTest;
import chengguan.support.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rules that keep their history: a visit rule or an indicator changed on 10 May applies from then on; April's
 * compliance, scores and ranking stay as they were measured with the rules of April.
 */
class EffectiveDatedRulesTest extends OwnRegionsTest {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final LocalDate APRIL_1 = LocalDate.of(2025, 4, 1);

	private static final LocalDate APRIL_30 = LocalDate.of(2025, 4, 30);

	private static final Period APRIL = Period.of(Period.Kind.MONTH, APRIL_1);

	@Autowired
	VisitRules visitRules;

	@Autowired
	VisitComplianceReport compliance;

	@Autowired
	DutyLogs dutyLogs;

	@Autowired
	Indicators indicators;

	@Autowired
	AssessmentScores scores;

	@Autowired
	RegionService regions;

	@Autowired
	RosterService roster;

	@Autowired
	AssignmentService assignments;

	@Autowired
	TestAccounts accounts;

	@Autowired
	MutableClock clock;

	private RegionView street;

	private RegionView community;

	private long liaison;

	@BeforeEach
	void aStreetWithACommunityAndItsLiaison() {
		at(ZonedDateTime.of(2025, 4, 9, 9, 0, 0, 0, SHANGHAI));
		RegionView district = regions.findByCode("370471").orElseThrow();
		String code = "7" + System.nanoTime() % 100_000_000;
		street = regions.createChildUnchecked(district, RegionLevel.STREET,
				new RegionDetails(code, "规则测试街道" + code, null, null, null, null, null, 98));
		community = regions.createChildUnchecked(street, RegionLevel.COMMUNITY,
				new RegionDetails(code + "001", "规则测试社区", null, null, null, null, null, 1));
		long squadron = roster.createUnitUnchecked(new UnitDetails(UnitKind.SQUADRON, "规则中队" + code, street.id(),
				null, null, null, 1, true)).id();
		liaison = roster.createStaffUnchecked(new StaffDetails("规则联络员", squadron, "联络员", null, null, null, true))
			.id();
		assignments.assignUnchecked(community.id(), new AssignmentDetails("社区联系人", null, null, null, new TreeSet<>(),
				null, Map.of(liaison, TeamRole.LIAISON)));
	}

	@AfterEach
	void backToNow() {
		clock.reset();
	}

	private void at(ZonedDateTime time) {
		clock.advance(Duration.between(clock.instant(), time.toInstant()));
	}

	private VisitComplianceReport.Row aprilRow() {
		DataScope scope = new DataScope(street.id(), street.path(), street.name());
		return compliance.report(scope, APRIL_1, APRIL_30)
			.stream()
			.filter(row -> row.duty().communityId() == community.id())
			.findFirst()
			.orElseThrow();
	}

	@Test
	void aVisitRuleChangedInMayLeavesAprilsComplianceAsItWas() {
		visitRules.setUnchecked(new VisitRule(street.id(), VisitPeriod.MONTH, 1, 30, 0, "每月一次"));
		dutyLogs.record(new DutyLogEntry(community.code(), LocalDate.of(2025, 4, 8), LocalTime.of(9, 0),
				LocalTime.of(10, 0), Set.of(WorkItem.PATROL), "社区巡查走访，了解居民诉求", null, null,
				List.of(new DutyLogEntry.Participant(DutyLogEntry.Participant.Role.STAFF, liaison, null, null)), null,
				null, null), accounts.principal("admin"));

		at(ZonedDateTime.of(2025, 5, 10, 9, 0, 0, 0, SHANGHAI));
		VisitComplianceReport.Row before = aprilRow();
		assertThat(before.behind()).as("one visit of an hour meets 每月一次").isFalse();

		// from 10 May: four visits a month
		visitRules.set(new VisitRule(street.id(), VisitPeriod.MONTH, 4, 30, 0, "每月四次"), LocalDate.of(2025, 5, 10),
				accounts.principal("admin"));
		assertThat(visitRules.applying(community.id())).get().extracting(VisitRule::minVisits).isEqualTo(4);
		assertThat(visitRules.applying(community.id(), APRIL_30)).get().extracting(VisitRule::minVisits).isEqualTo(1);

		VisitComplianceReport.Row after = aprilRow();
		assertThat(after.rule()).get().extracting(VisitRule::minVisits).isEqualTo(1);
		assertThat(after.behind()).as("April measured with April's rule").isFalse();

		// clearing the street's rule from today leaves April's rule in place too
		visitRules.clear(street.id(), accounts.principal("admin"));
		assertThat(visitRules.own(street.id())).isEmpty();
		assertThat(aprilRow().rule()).get().extracting(VisitRule::source).isEqualTo("每月一次");
	}

	@Test
	void anIndicatorChangedInMayLeavesAprilsScoresAndRankingAsTheyWere() {
		String name = "规则考核" + System.nanoTime() % 100_000;
		Indicator block = indicators.create(null, new IndicatorDetails(name, new BigDecimal("10"), IndicatorSource.GROUP,
				null, null, null, null, null, false, 60));
		Indicator manual = indicators.create(block.id(), new IndicatorDetails("亮点工作", new BigDecimal("10"),
				IndicatorSource.MANUAL, null, null, null, null, null, false, 1));
		at(ZonedDateTime.of(2025, 5, 3, 9, 0, 0, 0, SHANGHAI));
		scores.enterManual(manual.id(), AssessmentSubject.Kind.COMMUNITY, community.id(), APRIL, new BigDecimal("8"),
				"四月亮点：垃圾分类示范", accounts.principal("admin"));
		DataScope scope = new DataScope(street.id(), street.path(), street.name());
		assertThat(scores.ranking(block.id(), AssessmentSubject.Kind.COMMUNITY, APRIL, scope).rows())
			.extracting(row -> row.subject().name() + " " + row.total())
			.containsExactly("规则测试社区 8.00");

		at(ZonedDateTime.of(2025, 5, 10, 9, 0, 0, 0, SHANGHAI));
		Indicator current = indicators.get(manual.id());
		indicators.update(manual.id(), current.version(), new IndicatorDetails("亮点工作", new BigDecimal("5"),
				IndicatorSource.MANUAL, null, null, null, null, null, false, 1), LocalDate.of(2025, 5, 10));
		assertThat(indicators.get(manual.id()).points()).isEqualByComparingTo("5");
		assertThat(indicators.get(manual.id(), APRIL_30).points()).isEqualByComparingTo("10");

		assertThat(scores.ranking(block.id(), AssessmentSubject.Kind.COMMUNITY, APRIL, scope).rows())
			.as("April scored with April's indicators")
			.extracting(row -> row.subject().name() + " " + row.total())
			.containsExactly("规则测试社区 8.00");
		Period may = Period.of(Period.Kind.MONTH, LocalDate.of(2025, 5, 1));
		assertThatThrownBy(() -> scores.enterManual(manual.id(), AssessmentSubject.Kind.COMMUNITY, community.id(), may,
				new BigDecimal("8"), "五月", accounts.principal("admin")))
			.as("May's indicator is worth 5 points").isInstanceOf(InvalidRequestException.class);

		// an indicator added from 10 May is not part of April
		Indicator added = indicators.create(block.id(), new IndicatorDetails("新增指标", new BigDecimal("5"),
				IndicatorSource.MANUAL, null, null, null, null, null, true, 2), LocalDate.of(2025, 5, 10));
		assertThat(indicators.get(block.id(), APRIL_30).children()).extracting(Indicator::id).doesNotContain(added.id());
		assertThat(indicators.get(block.id()).children()).extracting(Indicator::id).contains(added.id());
		assertThat(scores.ranking(block.id(), AssessmentSubject.Kind.COMMUNITY, APRIL, scope).rows())
			.extracting(row -> row.total().toPlainString()).containsExactly("8.00");
	}

}
