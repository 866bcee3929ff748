package chengguan.cases.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import chengguan.cases.CaseAction;
import chengguan.cases.CaseService;
import chengguan.cases.CaseStep;
import chengguan.cases.CaseView;
import chengguan.cases.RequestReason;
import chengguan.intake.Channel;
import chengguan.intake.IntakeService;
import chengguan.intake.Rating;
import chengguan.intake.ReportKind;
import chengguan.intake.ReportSubmission;
import chengguan.organization.RosterService;
import chengguan.organization.UnitView;
import chengguan.platform.RewindableClock;
import chengguan.platform.security.ActingStaff;
import chengguan.platform.security.DataScope;
import chengguan.platform.security.Role;
import chengguan.platform.security.StaffPrincipal;

/**
 * Cases of these days in every stage of the loop, so each page of the workflow has something to show: waiting to
 * be accepted, registered, dispatched, in handling, with a pending 延期 request, 挂起 since yesterday, reported done,
 * closed recently and waiting for 回访, rated on the phone, and returned twice. Demo profile only, once.
 */
@Component
@Profile("demo")
@ConditionalOnBooleanProperty(name = "chengguan.demo.case-history", matchIfMissing = true)
@Order(36)
class DemoCaseWorkflow implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCaseWorkflow.class);

	private final Clock clock;

	private final IntakeService intake;

	private final CaseService cases;

	private final RosterService roster;

	private final JdbcClient jdbc;

	private final chengguan.cases.CaseTasks tasks;

	private final StaffPrincipal office = new ActingStaff("dispatcher", "指挥中心", Set.of(Role.DISPATCHER, Role.ADMIN),
			DataScope.EVERYWHERE, null, null);

	private final StaffPrincipal leader = new ActingStaff("leader", "局领导", Set.of(Role.LEADER), DataScope.EVERYWHERE,
			null, null);

	DemoCaseWorkflow(Clock clock, IntakeService intake, CaseService cases, RosterService roster, JdbcClient jdbc,
			chengguan.cases.CaseTasks tasks) {
		this.tasks = tasks;
		this.clock = clock;
		this.intake = intake;
		this.cases = cases;
		this.roster = roster;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!(clock instanceof RewindableClock rewindable)
				|| jdbc.sql("SELECT COUNT(*) FROM case_request").query(Integer.class).single() > 0) {
			return;
		}
		Instant now = clock.instant();
		Long unit = roster.findUnitByName("市政管理科").map(UnitView::id).orElse(null);
		if (unit == null) {
			return;
		}
		int n = 0;
		// 待受理, 已受理, 已立案, 已派遣
		open(rewindable, now.minus(Duration.ofMinutes(20)), n++, "E0101", "小区东门垃圾桶满溢");
		CaseView accepted = open(rewindable, now.minus(Duration.ofHours(2)), n++, "E050101", "路边摊占道经营");
		act(rewindable, accepted, CaseAction.ACCEPT, now.minus(Duration.ofMinutes(100)), CaseStep.note(null), null);
		// an open 核实 task on it: someone of its street is to check the stall on site before 立案
		tasks.candidates(accepted.id(), office).stream().findFirst().ifPresent(person -> rewindable.at(
				now.minus(Duration.ofMinutes(90)),
				() -> tasks.send(accepted.id(), chengguan.cases.CaseTasks.Kind.VERIFY_REPORT, person.id(),
						"请到现场拍照核实是否仍在占道", office)));
		CaseView registered = through(rewindable, now.minus(Duration.ofHours(5)), n++, "E0503", "广告牌破损", null,
				CaseAction.ACCEPT, CaseAction.REGISTER);
		through(rewindable, now.minus(Duration.ofHours(6)), n++, "C0109", "路灯不亮", unit, CaseAction.ACCEPT,
				CaseAction.REGISTER, CaseAction.DISPATCH);
		// 处置中 with a pending 延期 request
		CaseView extending = through(rewindable, now.minus(Duration.ofHours(20)), n++, "C0109", "人行道井盖破损", unit,
				CaseAction.ACCEPT, CaseAction.REGISTER, CaseAction.DISPATCH, CaseAction.START);
		Instant asked = now.plus(Duration.ofDays(4));
		if (extending.handleDueAt() != null && !asked.isAfter(extending.handleDueAt())) {
			asked = extending.handleDueAt().plus(Duration.ofDays(2));
		}
		act(rewindable, extending, CaseAction.REQUEST_EXTENSION, now.minus(Duration.ofHours(1)),
				CaseStep.extension("井盖需定制，厂家三个工作日内供货", asked), null);
		// 挂起 since yesterday, waiting on the power company
		CaseView waiting = through(rewindable, now.minus(Duration.ofDays(2)), n++, "C0109", "路灯线路裸露", unit,
				CaseAction.ACCEPT, CaseAction.REGISTER, CaseAction.DISPATCH, CaseAction.START);
		waiting = act(rewindable, waiting, CaseAction.REQUEST_SUSPENSION, now.minus(Duration.ofDays(1)),
				CaseStep.because(RequestReason.DEPARTMENT, "需供电公司先行断电，已发函"), null);
		act(rewindable, waiting, CaseAction.APPROVE_SUSPENSION, now.minus(Duration.ofHours(23)), CaseStep.note(null),
				leader);
		// 已反馈, waiting for 核查
		through(rewindable, now.minus(Duration.ofDays(1)), n++, "E0101", "绿化带内建筑垃圾", unit, CaseAction.ACCEPT,
				CaseAction.REGISTER, CaseAction.DISPATCH, CaseAction.START, CaseAction.FEEDBACK_DONE);
		// closed recently, waiting for 回访 (one closed 4 days ago: its reporter was reminded)
		for (int daysAgo : new int[] { 1, 2, 4 }) {
			through(rewindable, now.minus(Duration.ofDays(daysAgo + 1)), n++, "E0101", "楼道口垃圾清运不及时", unit,
					CaseAction.ACCEPT, CaseAction.REGISTER, CaseAction.DISPATCH, CaseAction.START,
					CaseAction.FEEDBACK_DONE, CaseAction.VERIFY_PASS);
		}
		// rated on the phone by staff
		CaseView phoned = through(rewindable, now.minus(Duration.ofDays(3)), n++, "E050101", "夜市噪音扰民", unit,
				CaseAction.ACCEPT, CaseAction.REGISTER, CaseAction.DISPATCH, CaseAction.START, CaseAction.FEEDBACK_DONE,
				CaseAction.VERIFY_PASS);
		CaseView rated = phoned;
		rewindable.at(now.minus(Duration.ofDays(1)), () -> cases.recordFollowUp(rated.id(), rated.version(),
				Rating.SATISFIED, "居民表示已安静", "冯晓", null, office));
		// returned twice: one more return sends it to 督查
		CaseView returned = through(rewindable, now.minus(Duration.ofDays(2)), n++, "E0503", "商铺门头招牌歪斜", unit,
				CaseAction.ACCEPT, CaseAction.REGISTER, CaseAction.DISPATCH);
		for (int i = 1; i <= 2; i++) {
			Instant at = now.minus(Duration.ofHours(30 - i * 10L));
			returned = act(rewindable, returned, CaseAction.RETURN, at, CaseStep.note("招牌属商户自有设施，非本科室职责"), null);
			returned = rewindable.at(at.plus(Duration.ofMinutes(30)), dispatchTo(returned, unit));
		}
		log.info("Demo data: {} cases of these days in every stage of the workflow; registered case {}", n,
				registered.trackingCode());
	}

	private Supplier<CaseView> dispatchTo(CaseView c, long unit) {
		return () -> cases.act(c.id(), CaseAction.DISPATCH, c.version(), null, unit, office);
	}

	private CaseView open(RewindableClock rewindable, Instant received, int n, String category, String what) {
		ReportSubmission submission = new ReportSubmission(Channel.QR_CODE, "370471001001", category,
				ReportKind.COMPLAINT, "（演示）" + what + "，请尽快处理。", null, null, null, null, null, "1390003" + String.format("%04d", n), List.of(), null, null,
				null, received);
		long reportId = rewindable.at(received, () -> intake.importWorkOrder(submission, "demo").id());
		return cases.forReport(reportId, office).orElseThrow();
	}

	/** A case opened at {@code received} and taken through these steps, ten minutes apart. */
	private CaseView through(RewindableClock rewindable, Instant received, int n, String category, String what,
			Long unit, CaseAction... steps) {
		CaseView c = open(rewindable, received, n, category, what);
		Instant at = received;
		for (CaseAction action : steps) {
			at = at.plus(Duration.ofMinutes(10));
			String note = action == CaseAction.FEEDBACK_DONE ? "已按要求处理完毕，现场已恢复" : null;
			CaseStep step = new CaseStep(note, action == CaseAction.DISPATCH ? unit : null, null, null, List.of());
			c = act(rewindable, c, action, at, step, null);
		}
		return c;
	}

	private CaseView act(RewindableClock rewindable, CaseView c, CaseAction action, Instant at, CaseStep step,
			StaffPrincipal who) {
		return rewindable.at(at, () -> cases.act(c.id(), action, c.version(), step, who == null ? office : who));
	}

}
