package chengguan.engagement;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

import chengguan.cases.CaseState;
import chengguan.intake.ReportKind;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.web.InvalidRequestException;
import chengguan.platform.web.UserFacingException;
import chengguan.support.IntegrationTest;
import chengguan.support.MutableClock;
import chengguan.support.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Suggestions and the needs list: residents' submissions, staff decisions, measures, and promotion to a case. */
@IntegrationTest
class NeedsTest {

	/** 兴仁街道's communities: the liaison xingren's scope. */
	static final String XINGREN_SOUTH = "370471001002";

	static final String XINGREN_THIRD = "370471001003";

	@Autowired
	Needs needs;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	private long communityId(String code) {
		return jdbc.sql("SELECT id FROM region WHERE code = ?").param(code).query(Long.class).single();
	}

	private long staffNeed(String community, NeedSource source, String content, String phone) {
		return needs.record(new NeedEntry(community, NeedKind.NEED, source, content, "李大爷", phone),
				accounts.principal("xingren"));
	}

	@Test
	void aSuggestionFromTheCommunityPageIsListedForThatCommunityAndARetryMakesNoSecond() {
		String key = UUID.randomUUID().toString();
		SuggestionSubmission sent = new SuggestionSubmission(XINGREN_SOUTH, NeedKind.SUGGESTION,
				"  希望在小区南门增设非机动车停放点\u0007  ", "139-1234-5678", key, "10.77.0.1");
		long id = needs.submitFromResident(sent);
		assertThat(needs.submitFromResident(sent)).isEqualTo(id);

		StaffPrincipal liaison = accounts.principal("xingren");
		Need listed = needs.list(liaison, communityId(XINGREN_SOUTH), null)
			.stream()
			.filter(need -> need.id() == id)
			.findFirst()
			.orElseThrow();
		assertThat(listed.content()).isEqualTo("希望在小区南门增设非机动车停放点");
		assertThat(listed.kind()).isEqualTo(NeedKind.SUGGESTION);
		assertThat(listed.source()).isEqualTo(NeedSource.QR_CODE);
		assertThat(listed.status()).isEqualTo(NeedStatus.PENDING);
		assertThat(listed.residentPhone()).isEqualTo("13912345678");
		assertThat(listed.communityName()).isNotBlank();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM need WHERE idempotency_key = ?").param("r:" + key)
			.query(Integer.class).single()).isEqualTo(1);

		assertThat(needs.list(liaison, communityId(XINGREN_THIRD), null)).noneMatch(need -> need.id() == id);
		assertThat(needs.list(accounts.principal("xingcheng"), null, null)).noneMatch(need -> need.id() == id);
		assertThat(needs.communityList(communityId(XINGREN_SOUTH), liaison)).anyMatch(need -> need.id() == id);
	}

	@Test
	void aNeedCollectedOnAVisitBecomesAWalkInCaseOfItsCommunityAndShowsTheCase() {
		long id = staffNeed(XINGREN_THIRD, NeedSource.VISIT, "3 号楼前烧烤摊油烟扰民，晚上十点后仍在经营", "13700001111");
		StaffPrincipal liaison = accounts.principal("xingren");
		Need before = needs.get(id, liaison);

		Need after = needs.promoteToCase(id, before.version(), "E0101", ReportKind.COMPLAINT, liaison);

		assertThat(after.status()).isEqualTo(NeedStatus.IN_PROGRESS);
		assertThat(after.reportTrackingCode()).isNotBlank();
		record Report(String channel, String kind, long communityId, String description, String phone, String code) {
		}
		Report report = jdbc.sql("""
				SELECT channel, kind, community_id, description, reporter_phone, tracking_code FROM report WHERE id = ?""")
			.param(after.reportId())
			.query((rs, n) -> new Report(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
					rs.getString(5), rs.getString(6)))
			.single();
		assertThat(report.channel()).isEqualTo("WALK_IN");
		assertThat(report.kind()).isEqualTo("COMPLAINT");
		assertThat(report.communityId()).isEqualTo(communityId(XINGREN_THIRD));
		assertThat(report.description()).isEqualTo("3 号楼前烧烤摊油烟扰民，晚上十点后仍在经营");
		assertThat(report.phone()).isEqualTo("13700001111");
		assertThat(report.code()).isEqualTo(after.reportTrackingCode());
		assertThat(needs.caseOf(after, liaison)).hasValueSatisfying(c -> {
			assertThat(c.trackingCode()).isEqualTo(after.reportTrackingCode());
			assertThat(c.state()).isEqualTo(CaseState.PENDING);
		});
		// the case behind a need is shown only to someone who may see the case
		assertThatThrownBy(() -> needs.caseOf(after, accounts.principal("xingcheng")))
			.isInstanceOf(chengguan.platform.security.OutOfScopeException.class);

		assertThatThrownBy(() -> needs.promoteToCase(id, after.version(), "E0101", ReportKind.COMPLAINT, liaison))
			.isInstanceOf(InvalidRequestException.class)
			.extracting(ex -> ((UserFacingException) ex).messageCode())
			.isEqualTo("need.promote.already");
	}

	@Test
	void aNeedFromTheNeedsSurveyBecomesACaseOfTheCommunityBodyChannel() {
		long id = staffNeed(XINGREN_THIRD, NeedSource.NEEDS_SURVEY, "季度需求调查：小区西侧绿化带缺乏养护，杂草丛生", null);
		StaffPrincipal liaison = accounts.principal("xingren");
		Need after = needs.promoteToCase(id, needs.get(id, liaison).version(), "E0101", ReportKind.HELP, liaison);
		assertThat(jdbc.sql("SELECT channel FROM report WHERE id = ?").param(after.reportId()).query(String.class).single())
			.isEqualTo("COMMUNITY_BODY");
	}

	@Test
	void refusingANeedTakesAReasonAndOnlyAllowedStepsAreTaken() {
		StaffPrincipal liaison = accounts.principal("xingren");
		long refused = staffNeed(XINGREN_SOUTH, NeedSource.DELIBERATION, "希望把小区广场改为收费停车场", null);
		long version = needs.get(refused, liaison).version();
		assertThatThrownBy(() -> needs.changeStatus(refused, version, NeedStatus.REJECTED, "  ", liaison))
			.extracting(ex -> ((UserFacingException) ex).messageCode())
			.isEqualTo("need.rejection.reasonRequired");
		Need rejected = needs.changeStatus(refused, version, NeedStatus.REJECTED, "广场属公共用地，不能改作经营性停车场", liaison);
		assertThat(rejected.status()).isEqualTo(NeedStatus.REJECTED);
		assertThat(rejected.rejectionReason()).isEqualTo("广场属公共用地，不能改作经营性停车场");
		assertThatThrownBy(() -> needs.changeStatus(refused, rejected.version(), NeedStatus.ADOPTED, null, liaison))
			.extracting(ex -> ((UserFacingException) ex).messageCode())
			.isEqualTo("need.status.illegal");

		long adopted = staffNeed(XINGREN_SOUTH, NeedSource.SUGGESTION_BOX, "建议在南门口设置共享单车停放区", null);
		Need first = needs.changeStatus(adopted, needs.get(adopted, liaison).version(), NeedStatus.ADOPTED, null, liaison);
		assertThatThrownBy(() -> needs.changeStatus(adopted, first.version(), NeedStatus.PENDING, null, liaison))
			.extracting(ex -> ((UserFacingException) ex).messageCode())
			.isEqualTo("need.status.illegal");
		assertThatThrownBy(() -> needs.changeStatus(adopted, first.version() - 1, NeedStatus.RESOLVED, null, liaison))
			.isInstanceOf(OptimisticLockingFailureException.class);
		assertThat(needs.changeStatus(adopted, first.version(), NeedStatus.RESOLVED, null, liaison).status())
			.isEqualTo(NeedStatus.RESOLVED);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE target_type = 'need' AND target_id = ?")
			.param(Long.toString(adopted)).query(Integer.class).single()).isEqualTo(2);
	}

	@Test
	void aMeasurePastItsDeadlineIsOverdueByTheClockUntilTheNeedIsResolved() {
		StaffPrincipal liaison = accounts.principal("xingren");
		long id = staffNeed(XINGREN_SOUTH, NeedSource.WALK_IN, "南门路灯不亮，夜间出行不便", null);
		Need adopted = needs.changeStatus(id, needs.get(id, liaison).version(), NeedStatus.ADOPTED, null, liaison);
		Need measured = needs.setMeasure(id, adopted.version(),
				new NeedMeasure("联系市政管理科更换灯具", "市政管理科 蒋涛", needs.today().plusDays(3)), liaison);
		assertThat(measured.measureOverdue()).isFalse();

		clock.advance(Duration.ofDays(3));
		assertThat(needs.get(id, liaison).measureOverdue()).as("the deadline day itself is in time").isFalse();
		clock.advance(Duration.ofDays(1));
		Need late = needs.get(id, liaison);
		assertThat(late.measureOverdue()).isTrue();
		assertThat(needs.changeStatus(id, late.version(), NeedStatus.RESOLVED, null, liaison).measureOverdue()).isFalse();
	}

	@Test
	void staffCannotRecordNeedsOutsideTheirScope() {
		assertThatThrownBy(() -> needs.record(new NeedEntry("370471002007", NeedKind.NEED, NeedSource.VISIT,
				"兴城街道的需求不归兴仁联络员登记", null, null), accounts.principal("xingren")))
			.isInstanceOf(UserFacingException.class)
			.extracting(ex -> ((UserFacingException) ex).status().value())
			.isEqualTo(404);
	}

}
