package chengguan.assessment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import chengguan.organization.AssignmentService;
import chengguan.organization.VisitDuty;
import chengguan.organization.RegionView;
import chengguan.organization.RosterService;
import chengguan.organization.StaffView;
import chengguan.organization.UnitKind;
import chengguan.organization.UnitView;
import chengguan.platform.PlatformProperties;
import chengguan.platform.audit.AuditAction;
import chengguan.platform.audit.AuditLog;
import chengguan.platform.persistence.DbTime;
import chengguan.platform.security.DataScope;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.web.InvalidRequestException;

/**
 * 双向评价 (资料 004): each month a community rates its liaisons and their squadrons, 1–5 on attitude,
 * responsiveness and effectiveness. A rating can be changed until the month after is over; the averages feed the
 * MUTUAL_RATING indicators.
 */
@Service
@Transactional
public class MutualRatings {

	private static final int COMMENT_MAX = 500;

	private final JdbcClient jdbc;

	private final AssignmentService assignments;

	private final RosterService roster;

	private final AuditLog auditLog;

	private final PlatformProperties platform;

	private final Clock clock;

	MutualRatings(JdbcClient jdbc, AssignmentService assignments, RosterService roster, AuditLog auditLog,
			PlatformProperties platform, Clock clock) {
		this.jdbc = jdbc;
		this.assignments = assignments;
		this.roster = roster;
		this.auditLog = auditLog;
		this.platform = platform;
		this.clock = clock;
	}

	/** Whom the community rates: its liaisons, then the squadrons they work in (or under). */
	@Transactional(readOnly = true)
	public List<MutualRatingTarget> targets(RegionView community) {
		Set<MutualRatingTarget> staff = new LinkedHashSet<>();
		Set<MutualRatingTarget> squadrons = new LinkedHashSet<>();
		DataScope only = new DataScope(community.id(), community.path(), community.name());
		for (VisitDuty liaison : assignments.visitDuties(only)) {
			if (liaison.communityId() != community.id() || liaison.responsible()) {
				continue;
			}
			roster.findStaff(liaison.staffId()).filter(StaffView::active).ifPresent(person -> {
				staff.add(new MutualRatingTarget(MutualRatingTarget.Kind.STAFF, person.id(), person.name()));
				squadronOf(person).ifPresent(unit -> squadrons
					.add(new MutualRatingTarget(MutualRatingTarget.Kind.UNIT, unit.id(), unit.name())));
			});
		}
		List<MutualRatingTarget> all = new ArrayList<>(staff);
		all.addAll(squadrons);
		return all;
	}

	/** The community's ratings for the month, as given so far. */
	@Transactional(readOnly = true)
	public List<MutualRating> given(long communityId, YearMonth month) {
		return jdbc.sql("""
				SELECT community_id, rating_month, target_kind, target_id, attitude, responsiveness, effectiveness, comment
				FROM mutual_rating WHERE community_id = ? AND rating_month = ? ORDER BY target_kind DESC, target_id""")
			.params(communityId, month.atDay(1))
			.query((rs, n) -> new MutualRating(rs.getLong(1), YearMonth.from(rs.getObject(2, LocalDate.class)),
					MutualRatingTarget.Kind.valueOf(rs.getString(3)), rs.getLong(4), rs.getInt(5), rs.getInt(6),
					rs.getInt(7), rs.getString(8)))
			.list();
	}

	/**
	 * Saves (or replaces) the community's rating of a target. The person must have the community in scope, the target
	 * must be one of the community's, and only this month and last month can be rated.
	 */
	public MutualRating rate(RegionView community, MutualRating rating, StaffPrincipal who) {
		if (!who.scope().covers(community.path()) || rating.communityId() != community.id()) {
			throw new chengguan.platform.web.NotFoundException();
		}
		YearMonth now = YearMonth.from(LocalDate.ofInstant(clock.instant(), platform.timeZone()));
		if (rating.month().isAfter(now) || rating.month().isBefore(now.minusMonths(1))) {
			throw new InvalidRequestException("assessment.rating.month");
		}
		for (int score : new int[] { rating.attitude(), rating.responsiveness(), rating.effectiveness() }) {
			if (score < 1 || score > 5) {
				throw new InvalidRequestException("assessment.rating.score");
			}
		}
		String comment = rating.comment() == null || rating.comment().isBlank() ? null : rating.comment().strip();
		if (comment != null && comment.length() > COMMENT_MAX) {
			throw new InvalidRequestException("assessment.rating.comment", COMMENT_MAX);
		}
		boolean known = targets(community).stream()
			.anyMatch(target -> target.kind() == rating.targetKind() && target.id() == rating.targetId());
		if (!known) {
			throw new InvalidRequestException("assessment.rating.target");
		}
		jdbc.sql("DELETE FROM mutual_rating WHERE community_id = ? AND rating_month = ? AND target_kind = ? AND target_id = ?")
			.params(community.id(), rating.month().atDay(1), rating.targetKind().name(), rating.targetId())
			.update();
		jdbc.sql("""
				INSERT INTO mutual_rating (community_id, rating_month, target_kind, target_id, attitude, responsiveness,
				       effectiveness, comment, rated_by, rated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(community.id(), rating.month().atDay(1), rating.targetKind().name(), rating.targetId(),
					rating.attitude(), rating.responsiveness(), rating.effectiveness(), comment, who.username(),
					DbTime.utc(clock.instant()))
			.update();
		auditLog.record(AuditAction.MUTUAL_RATING_SAVED, "region", community.id(), rating.month() + " "
				+ rating.targetKind() + " " + rating.targetId() + " " + rating.attitude() + "/"
				+ rating.responsiveness() + "/" + rating.effectiveness());
		return new MutualRating(community.id(), rating.month(), rating.targetKind(), rating.targetId(),
				rating.attitude(), rating.responsiveness(), rating.effectiveness(), comment);
	}

	/**
	 * The mean score a liaison or squadron received in the months from … to (every aspect of every rating counts
	 * once), or null when nobody rated them.
	 */
	@Transactional(readOnly = true)
	public Double averageReceived(MutualRatingTarget.Kind kind, long targetId, YearMonth from, YearMonth to) {
		return average("target_kind = ? AND target_id = ?", List.of(kind.name(), targetId), from, to);
	}

	/** The mean score a community gave, over everyone it rated in the months: how well it feels served. */
	@Transactional(readOnly = true)
	public Double averageGiven(long communityId, YearMonth from, YearMonth to) {
		return average("community_id = ?", List.of(communityId), from, to);
	}

	private Double average(String condition, List<Object> keys, YearMonth from, YearMonth to) {
		List<Object> params = new ArrayList<>(keys);
		params.add(from.atDay(1));
		params.add(to.atDay(1));
		return jdbc.sql("SELECT SUM(attitude + responsiveness + effectiveness), COUNT(*) FROM mutual_rating WHERE "
				+ condition + " AND rating_month BETWEEN ? AND ?")
			.params(params)
			.query(rs -> {
				rs.next();
				long ratings = rs.getLong(2);
				return ratings == 0 ? Optional.<Double>empty() : Optional.of(rs.getLong(1) / (3.0 * ratings));
			})
			.orElse(null);
	}

	private Optional<UnitView> squadronOf(StaffView person) {
		Optional<UnitView> unit = roster.findUnit(person.unitId());
		if (unit.isPresent() && unit.get().kind() != UnitKind.SQUADRON && unit.get().parentId() != null) {
			unit = roster.findUnit(unit.get().parentId());
		}
		return unit.filter(found -> found.kind() == UnitKind.SQUADRON);
	}

}
