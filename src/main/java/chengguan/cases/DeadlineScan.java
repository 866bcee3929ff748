package chengguan.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import chengguan.account.StaffContacts;
import chengguan.organization.NoticeCard;
import chengguan.organization.NoticeCardService;
import chengguan.organization.RegionLevel;
import chengguan.organization.RegionService;
import chengguan.organization.RegionView;
import chengguan.organization.RosterService;
import chengguan.organization.UnitView;
import chengguan.platform.notification.Notifications;
import chengguan.platform.security.Role;

/**
 * Once a minute, on one node (ShedLock): marks the cases whose current time limit ran out, escalates each one level
 * up the region tree (社区 → 街道 → 区; a case already escalated goes up again each time another full limit passes),
 * writes it into the case's history and tells the community's responsible officer. Whistled units that did not
 * 报到 in time and supervision orders past their deadline are marked and their units told as well.
 */
@Component
class DeadlineScan {

	static final int MAX_LEVEL = 2;

	private final JdbcClient jdbc;

	private final CaseHistory history;

	private final RegionService regions;

	private final Notifications notifications;

	private final NoticeCardService cards;

	private final RosterService roster;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final StageClocks stageClocks;

	private final StaffContacts contacts;

	DeadlineScan(JdbcClient jdbc, CaseHistory history, RegionService regions, Notifications notifications,
			NoticeCardService cards, RosterService roster, Clock clock, TransactionTemplate transactions,
			StageClocks stageClocks, StaffContacts contacts) {
		this.stageClocks = stageClocks;
		this.contacts = contacts;
		this.transactions = transactions;
		this.roster = roster;
		this.cards = cards;
		this.jdbc = jdbc;
		this.history = history;
		this.regions = regions;
		this.notifications = notifications;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${chengguan.cases.deadline-scan-interval:PT1M}", initialDelayString = "PT30S")
	@SchedulerLock(name = "case-deadline-scan", lockAtMostFor = "PT10M")
	void scheduled() {
		scan();
	}

	record Due(long id, String state, long communityId, String trackingCode, OffsetDateTime due,
			OffsetDateTime started, int level, long version) {
	}

	/**
	 * Each case is marked in a transaction of its own (with its history entry and notification), so one case that
	 * moved on meanwhile does not undo the others.
	 * @return how many cases and calls were marked
	 */
	public int scan() {
		Instant now = clock.instant();
		OffsetDateTime nowUtc = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
		List<Due> candidates = jdbc.sql("""
				SELECT id, state, community_id, tracking_code,
				       CASE WHEN state IN ('PENDING', 'ACCEPTED') THEN accept_due_at ELSE handle_due_at END,
				       CASE WHEN state IN ('PENDING', 'ACCEPTED') THEN created_at ELSE handle_started_at END,
				       escalation_level, version
				FROM case_file
				WHERE (state IN ('PENDING', 'ACCEPTED') AND accept_due_at <= :now)
				   OR (state IN ('REGISTERED', 'DISPATCHED', 'HANDLING') AND handle_due_at <= :now)""")
			.param("now", nowUtc)
			.query((rs, n) -> new Due(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
					rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class), rs.getInt(7),
					rs.getLong(8)))
			.list();
		// each stage's own overdue mark (立案, 派遣, 核查, 回访 too), in one statement; escalation follows the case's limit
		transactions.executeWithoutResult(status -> stageClocks.markOverdue(now));
		int changed = 0;
		for (Due due : candidates) {
			Boolean marked = transactions.execute(status -> mark(due, now, nowUtc));
			changed += Boolean.TRUE.equals(marked) ? 1 : 0;
		}
		return changed + lateCalls(now, nowUtc);
	}

	private boolean mark(Due due, Instant now, OffsetDateTime nowUtc) {
		int level = levelDue(due, now);
		boolean firstTime = jdbc.sql("SELECT overdue_at IS NULL FROM case_file WHERE id = ?").param(due.id())
			.query(Boolean.class).single();
		if (!firstTime && level <= due.level()) {
			return false;
		}
		int newLevel = Math.max(level, Math.min(MAX_LEVEL, due.level() + (firstTime ? 1 : 0)));
		Optional<RegionView> escalatedTo = ancestor(due.communityId(), newLevel);
		int updated = jdbc.sql("""
				UPDATE case_file SET overdue_at = COALESCE(overdue_at, ?), escalation_level = ?,
				    escalated_to_region_id = ?, version = version + 1
				WHERE id = ? AND version = ?""")
			.params(nowUtc, newLevel, escalatedTo.map(RegionView::id).orElse(null), due.id(), due.version())
			.update();
		if (updated != 1) {
			return false; // someone acted on it meanwhile: the next scan looks again
		}
		CaseState state = CaseState.valueOf(due.state());
		String where = escalatedTo.map(RegionView::name).orElse("上级");
		history.append(due.id(), now, "系统", firstTime ? "OVERDUE" : "ESCALATED", state, state,
				(firstTime ? "已超期，" : "仍未办结，") + "升级至" + where + "督办");
		responsiblePhone(due.communityId()).ifPresent(phone -> notifications.enqueue(Notifications.SMS, phone,
				"【城管进社区】案件 " + due.trackingCode() + " 已超期，已升级至" + where + "督办，请尽快处理。"));
		return true;
	}

	/** A whistle or supervision order past its deadline. */
	private record LateCall(long id, long caseId, String kind, Long unitId, String trackingCode, String regionPath) {
	}

	/** Whistled units that did not 报到 in time, and supervision orders not answered by their deadline. */
	private int lateCalls(Instant now, OffsetDateTime nowUtc) {
		List<LateCall> late = jdbc.sql("""
				SELECT c.id, c.case_id, c.kind, c.unit_id, f.tracking_code, f.region_path
				FROM case_call c JOIN case_file f ON f.id = c.case_id
				WHERE c.overdue_at IS NULL AND c.answered_at IS NULL
				  AND f.state NOT IN ('CLOSED', 'ARCHIVED', 'DECLINED', 'MERGED', 'UNRATED')
				  AND ((c.kind = 'WHISTLE' AND c.reported_at IS NULL AND c.report_due_at <= :now)
				    OR (c.kind = 'SUPERVISION' AND c.answer_due_at <= :now))""")
			.param("now", nowUtc)
			.query((rs, n) -> new LateCall(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, Long.class),
					rs.getString(5), rs.getString(6)))
			.list();
		int marked = 0;
		for (LateCall call : late) {
			Boolean done = transactions.execute(status -> markLate(call, now, nowUtc));
			marked += Boolean.TRUE.equals(done) ? 1 : 0;
		}
		return marked;
	}

	private boolean markLate(LateCall call, Instant now, OffsetDateTime nowUtc) {
		// the case's state now, under its lock: the history entry must carry it
		CaseState state = CaseState.valueOf(jdbc.sql("SELECT state FROM case_file WHERE id = ? FOR UPDATE")
			.param(call.caseId())
			.query(String.class)
			.single());
		if (state.isTerminal() || state == CaseState.CLOSED) {
			return false;
		}
		int updated = jdbc.sql("UPDATE case_call SET overdue_at = ? WHERE id = ? AND overdue_at IS NULL")
			.params(nowUtc, call.id())
			.update();
		if (updated != 1) {
			return false;
		}
		String unit = call.unitId() == null ? "承办单位"
				: roster.findUnit(call.unitId()).map(UnitView::name).orElse("承办单位");
		boolean whistle = "WHISTLE".equals(call.kind());
		history.append(call.caseId(), now, "系统", "CALL_OVERDUE", state, state,
				unit + (whistle ? " 未在时限内报到，已升级：通知该单位负责人和局督查" : " 未在督办期限内答复"));
		String text = "【城管进社区】案件 " + call.trackingCode()
				+ (whistle ? " 吹哨后贵单位尚未报到，请立即报到。" : " 督办期限已到，请立即答复。");
		if (call.unitId() != null) {
			roster.findUnit(call.unitId())
				.map(UnitView::phone)
				.filter(phone -> phone != null && !phone.isBlank())
				.ifPresent(phone -> notifications.enqueue(Notifications.SMS, phone, text));
		}
		if (whistle) {
			// escalation: a whistle nobody answered is the unit leader's and the bureau's 督查's business now
			String escalated = "【城管进社区】督办提醒：案件 " + call.trackingCode() + " 吹哨后 " + unit
					+ " 未在时限内报到，请督促立即报到。";
			java.util.Set<String> phones = new java.util.LinkedHashSet<>();
			if (call.unitId() != null) {
				phones.addAll(contacts.unitLeaderPhones(call.unitId()));
			}
			phones.addAll(contacts.phonesWithRole(Role.INSPECTOR, call.regionPath()));
			phones.forEach(phone -> notifications.enqueue(Notifications.SMS, phone, escalated));
		}
		return true;
	}

	/**
	 * One level per full limit overdue: just overdue → street (1); overdue by another whole limit → district (2).
	 */
	private static int levelDue(Due due, Instant now) {
		if (due.started() == null) {
			return 1;
		}
		long limit = Math.max(1, java.time.Duration.between(due.started().toInstant(), due.due().toInstant()).toSeconds());
		long over = java.time.Duration.between(due.due().toInstant(), now).toSeconds();
		return (int) Math.min(MAX_LEVEL, 1 + over / limit);
	}

	/** The street (level 1) or district (level 2) above the community. */
	private Optional<RegionView> ancestor(long communityId, int level) {
		RegionView community = regions.find(communityId).orElseThrow();
		List<RegionView> lineage = regions.lineage(community);
		RegionLevel wanted = level >= 2 ? RegionLevel.DISTRICT : RegionLevel.STREET;
		return lineage.stream().filter(region -> region.level() == wanted).findFirst();
	}

	/** The bureau's officer responsible for the community (the "1" of 1+N+X), as the notice card names them. */
	private Optional<String> responsiblePhone(long communityId) {
		return regions.find(communityId)
			.flatMap(community -> cards.forCommunity(community.code()))
			.flatMap(card -> card.people().stream().filter(p -> "RESPONSIBLE".equals(p.role())).findFirst())
			.map(NoticeCard.Person::phone);
	}


}
