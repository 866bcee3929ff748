package chengguan.fieldwork;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import chengguan.organization.RegionDetails;
import chengguan.organization.RegionLevel;
import chengguan.organization.RegionService;
import chengguan.organization.RegionView;
import chengguan.platform.security.OutOfScopeException;
import chengguan.platform.security.StaffPrincipal;
import chengguan.support.IntegrationTest;
import chengguan.support.MutableClock;
import chengguan.support.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 物业监督 against the database: who manages a compound, checklists edited after inspections, rectification
 * notices through their life with a moving clock, the data scope, and a company's history and overview.
 */
@IntegrationTest
class PropertySupervisionTest {

	@Autowired
	PropertyCompanies companies;

	@Autowired
	PropertyChecklists checklists;

	@Autowired
	PropertyInspections inspections;

	@Autowired
	RectificationNotices notices;

	@Autowired
	RegionService regions;

	@Autowired
	TestAccounts accounts;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
	}

	private static String unique() {
		return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

	/** A new compound under the community with this code (兴仁街道: 370471001xxx, 兴城街道: 370471002xxx). */
	private RegionView compound(String communityCode) {
		String code = "T" + unique();
		return regions.createChildUnchecked(regions.findByCode(communityCode).orElseThrow(), RegionLevel.COMPOUND,
				new RegionDetails(code, "测试小区" + code, 1000, 300, new BigDecimal("0.1"), null, null, 9));
	}

	private PropertyCompany company(RegionView compound, LocalDate from) {
		PropertyCompany company = companies.createUnchecked(
				new PropertyCompanyDetails("测试物业" + unique(), null, "联系人", "13800009999"), compound.path(), "test");
		companies.assignUnchecked(company.id(), compound, from);
		return company;
	}

	/** Scores on the default checklist (20, 15, 15, 15, 15, 10, 10); deducted items get a remark. */
	private InspectionEntry entry(RegionView compound, LocalDate date, int... points) {
		PropertyChecklist checklist = checklists.defaultChecklist();
		List<PropertyChecklist.ItemScore> scores = new ArrayList<>();
		for (int i = 0; i < points.length; i++) {
			scores.add(new PropertyChecklist.ItemScore(points[i],
					points[i] < checklist.items().get(i).maxScore() ? "第" + (i + 1) + "项有问题" : null));
		}
		return new InspectionEntry(compound.id(), checklist.id(), checklist.version(), date, scores, null);
	}

	@Test
	void theMigrationSeedsTheDefaultChecklistOfSevenItemsAddingUpToAHundred() {
		PropertyChecklist checklist = checklists.defaultChecklist();
		assertThat(checklist.name()).isEqualTo("物业服务监督检查表");
		assertThat(checklist.items()).extracting(PropertyChecklist.Item::name)
			.containsExactly("环境卫生", "绿化养护", "公共设施", "消防通道", "垃圾分类", "违建与装修管理", "服务公示");
		assertThat(checklist.items()).extracting(PropertyChecklist.Item::maxScore)
			.containsExactly(20, 15, 15, 15, 15, 10, 10);
	}

	@Test
	void anInspectionIsScoredAndChargedToTheCompanyManagingTheCompoundThatDay() {
		StaffPrincipal liaison = accounts.principal("xingren");
		RegionView compound = compound("370471001004");
		PropertyCompany first = company(compound, today().minusDays(100));
		PropertyCompany second = companies.createUnchecked(
				new PropertyCompanyDetails("测试物业" + unique(), null, null, null), compound.path(), "test");
		companies.assignUnchecked(second.id(), compound, today().minusDays(10));

		assertThat(companies.current(compound.id())).get().extracting(CompoundManagement::companyId)
			.isEqualTo(second.id());
		assertThat(companies.managements(first.id(), accounts.principal("dispatcher"))).singleElement()
			.satisfies(m -> {
				assertThat(m.until()).isEqualTo(today().minusDays(10));
				assertThat(m.current()).isFalse();
			});
		assertThatThrownBy(() -> companies.assignUnchecked(first.id(), compound, today().minusDays(10)))
			.hasFieldOrPropertyWithValue("messageCode", "property.management.fromBeforeCurrent");
		assertThatThrownBy(() -> companies.assignUnchecked(second.id(), compound, today()))
			.hasFieldOrPropertyWithValue("messageCode", "property.management.alreadyCurrent");

		// 18 + 15 + 15 + 12 + 15 + 10 + 10 = 95
		long id = inspections.record(entry(compound, today(), 18, 15, 15, 12, 15, 10, 10), liaison);
		PropertyInspection inspection = inspections.get(id, liaison);
		assertThat(inspection.companyId()).isEqualTo(second.id());
		assertThat(inspection.total()).isEqualTo(95);
		assertThat(inspection.grade()).isEqualTo(PropertyGrade.EXCELLENT);
		assertThat(inspection.inspectorName()).isEqualTo("张伟");
		assertThat(inspection.scores()).filteredOn(PropertyInspection.Score::deducted)
			.extracting(PropertyInspection.Score::itemName)
			.containsExactly("环境卫生", "消防通道");

		assertThatThrownBy(() -> inspections.record(entry(compound, today().plusDays(1), 20, 15, 15, 15, 15, 10, 10),
				liaison)).hasFieldOrPropertyWithValue("messageCode", "property.inspection.dateFuture");
		RegionView unmanaged = compound("370471001004");
		assertThatThrownBy(() -> inspections.record(entry(unmanaged, today(), 20, 15, 15, 15, 15, 10, 10), liaison))
			.hasFieldOrPropertyWithValue("messageCode", "property.inspection.noCompany");
	}

	@Test
	void editingAChecklistLeavesPastInspectionsAsTheyWereScored() {
		StaffPrincipal liaison = accounts.principal("xingren");
		RegionView compound = compound("370471001005");
		company(compound, today().minusDays(30));
		PropertyChecklist checklist = checklists.create("测试检查表" + unique(),
				List.of(new PropertyChecklist.Item("楼道卫生", 50), new PropertyChecklist.Item("消防器材", 50)));
		long id = inspections.record(new InspectionEntry(compound.id(), checklist.id(), checklist.version(), today(),
				List.of(new PropertyChecklist.ItemScore(40, "楼道有杂物"), new PropertyChecklist.ItemScore(50, null)), null),
				liaison);

		PropertyChecklist edited = checklists.update(checklist.id(), checklist.version(), checklist.name(),
				List.of(new PropertyChecklist.Item("公共区域卫生", 70), new PropertyChecklist.Item("消防器材", 30)));
		assertThat(edited.items()).extracting(PropertyChecklist.Item::maxScore).containsExactly(70, 30);

		PropertyInspection before = inspections.get(id, liaison);
		assertThat(before.scores()).extracting(PropertyInspection.Score::itemName).containsExactly("楼道卫生", "消防器材");
		assertThat(before.scores()).extracting(PropertyInspection.Score::maxScore).containsExactly(50, 50);
		assertThat(before.scores()).extracting(PropertyInspection.Score::score).containsExactly(40, 50);
		assertThat(before.total()).isEqualTo(90);
		assertThat(before.grade()).isEqualTo(PropertyGrade.EXCELLENT);

		// a form opened before the edit no longer fits the checklist
		assertThatThrownBy(() -> inspections.record(new InspectionEntry(compound.id(), checklist.id(),
				checklist.version(), today(),
				List.of(new PropertyChecklist.ItemScore(50, null), new PropertyChecklist.ItemScore(50, null)), null),
				liaison)).hasFieldOrPropertyWithValue("messageCode", "property.checklist.changed");
		// 55 of 70 and 30 of 30 = 85 on the edited checklist
		long after = inspections.record(new InspectionEntry(compound.id(), edited.id(), edited.version(), today(),
				List.of(new PropertyChecklist.ItemScore(55, "垃圾桶未清洗"), new PropertyChecklist.ItemScore(30, null)), null),
				liaison);
		assertThat(inspections.get(after, liaison).total()).isEqualTo(85);
		assertThat(inspections.get(after, liaison).grade()).isEqualTo(PropertyGrade.GOOD);
		assertThatThrownBy(() -> checklists.update(edited.id(), edited.version(), edited.name(),
				List.of(new PropertyChecklist.Item("公共区域卫生", 70), new PropertyChecklist.Item("消防器材", 20))))
			.hasFieldOrPropertyWithValue("messageCode", "property.checklist.total");
	}

	@Test
	void aNoticeGoesOverdueAfterItsDeadlineAFailedReinspectionSetsANewOneAndAPassedOneClosesIt() {
		StaffPrincipal liaison = accounts.principal("xingren");
		RegionView compound = compound("370471001006");
		company(compound, today().minusDays(60));
		// 15 + 15 + 15 + 10 + 15 + 10 + 10 = 90: 环境卫生 (position 0) and 消防通道 (position 3) lost points
		long inspection = inspections.record(entry(compound, today(), 15, 15, 15, 10, 15, 10, 10), liaison);
		LocalDate issued = today();

		assertThatThrownBy(() -> notices.issue(inspection, new NoticeEntry(issued.plusDays(7), Map.of(1, "补种绿植")),
				liaison)).hasFieldOrPropertyWithValue("messageCode", "property.notice.itemNotDeducted");
		assertThatThrownBy(() -> notices.issue(inspection, new NoticeEntry(issued, Map.of(3, "清理消防通道")), liaison))
			.hasFieldOrPropertyWithValue("messageCode", "property.notice.deadline");
		assertThatThrownBy(() -> notices.issue(inspection, new NoticeEntry(issued.plusDays(7), Map.of(3, " ")), liaison))
			.hasFieldOrPropertyWithValue("messageCode", "property.notice.itemsRequired");

		long id = notices.issue(inspection,
				new NoticeEntry(issued.plusDays(7), Map.of(0, "清理楼道杂物", 3, "清理消防通道，设置禁停标识")), liaison);
		RectificationNotice notice = notices.get(id, liaison);
		assertThat(notice.status()).isEqualTo(RectificationStatus.OPEN);
		assertThat(notice.items()).extracting(RectificationNotice.Item::itemName).containsExactly("环境卫生", "消防通道");
		assertThat(notice.overdue()).isFalse();
		assertThat(inspections.get(inspection, liaison).noticeId()).isEqualTo(id);
		assertThatThrownBy(() -> notices.issue(inspection, new NoticeEntry(issued.plusDays(7), Map.of(0, "再发一次")),
				liaison)).hasFieldOrPropertyWithValue("messageCode", "property.notice.exists");

		// the deadline day itself is still in time; the day after it is overdue
		clock.advance(Duration.ofDays(7));
		assertThat(notices.get(id, liaison).overdue()).isFalse();
		clock.advance(Duration.ofDays(1));
		assertThat(notices.get(id, liaison).overdue()).isTrue();
		assertThat(notices.list(liaison, true)).filteredOn(n -> n.id() == id).singleElement()
			.extracting(RectificationNotice::overdue).isEqualTo(true);

		LocalDate failedOn = issued.plusDays(8);
		long version = notices.get(id, liaison).version();
		assertThatThrownBy(() -> notices.reinspect(id, version, new ReinspectionEntry(failedOn, false, "消防通道仍被占用", null),
				liaison)).hasFieldOrPropertyWithValue("messageCode", "property.reinspection.newDeadline");
		RectificationNotice failed = notices.reinspect(id, version,
				new ReinspectionEntry(failedOn, false, "消防通道仍被占用", failedOn.plusDays(10)), liaison);
		assertThat(failed.status()).isEqualTo(RectificationStatus.FAILED);
		assertThat(failed.deadline()).isEqualTo(issued.plusDays(18));
		assertThat(failed.overdue()).isFalse();
		assertThat(failed.reinspections()).singleElement().satisfies(r -> {
			assertThat(r.passed()).isFalse();
			assertThat(r.previousDeadline()).isEqualTo(issued.plusDays(7));
			assertThat(r.newDeadline()).isEqualTo(issued.plusDays(18));
			assertThat(r.inspectorName()).isEqualTo("张伟");
		});

		clock.advance(Duration.ofDays(11));
		assertThat(notices.get(id, liaison).overdue()).isTrue();

		LocalDate passedOn = issued.plusDays(19);
		RectificationNotice rectified = notices.reinspect(id, failed.version(),
				new ReinspectionEntry(passedOn, true, "已清理，禁停标识已设置", null), liaison);
		assertThat(rectified.status()).isEqualTo(RectificationStatus.RECTIFIED);
		assertThat(rectified.overdue()).isFalse();
		assertThat(rectified.reinspections()).extracting(RectificationNotice.Reinspection::passed)
			.containsExactly(false, true);
		assertThat(notices.list(liaison, true)).noneMatch(n -> n.id() == id);
		assertThat(notices.list(liaison, false)).anyMatch(n -> n.id() == id);
		assertThatThrownBy(() -> notices.reinspect(id, rectified.version(),
				new ReinspectionEntry(passedOn, true, "再复查一次", null), liaison))
			.hasFieldOrPropertyWithValue("messageCode", "property.notice.closed");
	}

	@Test
	void aCompoundOfAnotherStreetIsNotFoundForALiaison() {
		StaffPrincipal xingren = accounts.principal("xingren");
		StaffPrincipal xingcheng = accounts.principal("xingcheng");
		RegionView elsewhere = compound("370471002008");
		PropertyCompany company = company(elsewhere, today().minusDays(30));
		assertThatThrownBy(() -> inspections.record(entry(elsewhere, today(), 20, 15, 15, 15, 15, 10, 10), xingren))
			.isInstanceOf(OutOfScopeException.class);
		long id = inspections.record(entry(elsewhere, today(), 20, 15, 15, 15, 15, 10, 10), xingcheng);
		assertThatThrownBy(() -> inspections.get(id, xingren)).isInstanceOf(OutOfScopeException.class);
		assertThatThrownBy(() -> companies.get(company.id(), xingren)).isInstanceOf(OutOfScopeException.class);
		assertThatThrownBy(() -> inspections.history(company.id(), xingren)).isInstanceOf(OutOfScopeException.class);
		assertThat(companies.overview(xingren)).noneMatch(row -> row.company().id() == company.id());
		assertThat(companies.overview(xingcheng)).anyMatch(row -> row.company().id() == company.id());
	}

	@Test
	void aCompanysHistoryIsInDateOrderAndTheOverviewShowsItsLatestAndAverageScore() {
		StaffPrincipal liaison = accounts.principal("xingren");
		RegionView compound = compound("370471001002");
		PropertyCompany company = company(compound, today().minusDays(200));
		// recorded out of order: 80 ten days ago, 70 forty days ago, 75 twenty days ago
		// 80 = 16+12+12+12+12+8+8; 70 = 14+11+11+10+10+7+7; 75 = 15+11+11+12+12+7+7
		long latest = inspections.record(entry(compound, today().minusDays(10), 16, 12, 12, 12, 12, 8, 8), liaison);
		inspections.record(entry(compound, today().minusDays(40), 14, 11, 11, 10, 10, 7, 7), liaison);
		inspections.record(entry(compound, today().minusDays(20), 15, 11, 11, 12, 12, 7, 7), liaison);

		List<PropertyInspection> history = inspections.history(company.id(), liaison);
		assertThat(history).extracting(PropertyInspection::date)
			.containsExactly(today().minusDays(40), today().minusDays(20), today().minusDays(10));
		assertThat(history).extracting(PropertyInspection::total).containsExactly(70, 75, 80);
		assertThat(history).extracting(PropertyInspection::grade)
			.containsExactly(PropertyGrade.PASS, PropertyGrade.PASS, PropertyGrade.GOOD);

		notices.issue(latest, new NoticeEntry(today().plusDays(3), Map.of(0, "清理楼道")), liaison);
		PropertyCompanyOverview row = companies.overview(liaison)
			.stream()
			.filter(r -> r.company().id() == company.id())
			.findFirst()
			.orElseThrow();
		assertThat(row.latestTotal()).isEqualTo(80);
		assertThat(row.latestDate()).isEqualTo(today().minusDays(10));
		assertThat(row.latestGrade()).isEqualTo(PropertyGrade.GOOD);
		// (70 + 75 + 80) / 3 = 75.0
		assertThat(row.averageTotal()).isEqualByComparingTo(new BigDecimal("75.0"));
		assertThat(row.inspections()).isEqualTo(3);
		assertThat(row.compounds()).extracting(CompoundManagement::compoundId).containsExactly(compound.id());
		assertThat(row.openNotices()).isEqualTo(1);
		assertThat(row.overdueNotices()).isZero();

		clock.advance(Duration.ofDays(4));
		PropertyCompanyOverview later = companies.overview(liaison)
			.stream()
			.filter(r -> r.company().id() == company.id())
			.findFirst()
			.orElseThrow();
		assertThat(later.overdueNotices()).isEqualTo(1);
	}

}
