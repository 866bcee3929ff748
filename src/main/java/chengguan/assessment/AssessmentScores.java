package chengguan.assessment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import chengguan.fieldwork.LedgerSubmissions;
import chengguan.fieldwork.VisitComplianceReport;
import chengguan.organization.AssignmentService;
import chengguan.organization.VisitDuty;
import chengguan.organization.RegionService;
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
import chengguan.platform.web.NotFoundException;

/**
 * 周考核、月调度、季点评: scores communities, squadrons and liaisons on an indicator block for a week, month or
 * quarter. KPI inputs come from the rollups through {@link AssessmentQueries} (a squadron's cases are those
 * dispatched to it, a liaison's those assigned to them), visit compliance per liaison × community from field work,
 * ratings from {@link MutualRatings}, late ledgers from field work, manual points from admins.
 */
@Service
@Transactional(readOnly = true)
public class AssessmentScores {

	private final Indicators indicators;

	private final AssessmentQueries queries;

	private final MutualRatings ratings;

	private final VisitComplianceReport visitReport;

	private final LedgerSubmissions ledgers;

	private final AssignmentService assignments;

	private final RegionService regions;

	private final RosterService roster;

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	private final PlatformProperties platform;

	private final Clock clock;

	AssessmentScores(Indicators indicators, AssessmentQueries queries, MutualRatings ratings,
			VisitComplianceReport visitReport, LedgerSubmissions ledgers, AssignmentService assignments,
			RegionService regions, RosterService roster, JdbcClient jdbc, AuditLog auditLog,
			PlatformProperties platform, Clock clock) {
		this.indicators = indicators;
		this.queries = queries;
		this.ratings = ratings;
		this.visitReport = visitReport;
		this.ledgers = ledgers;
		this.assignments = assignments;
		this.regions = regions;
		this.roster = roster;
		this.jdbc = jdbc;
		this.auditLog = auditLog;
		this.platform = platform;
		this.clock = clock;
	}

	/** Everyone of the kind inside the scope, in tree (or name) order. */
	public List<AssessmentSubject> subjects(AssessmentSubject.Kind kind, DataScope scope) {
		return switch (kind) {
			case COMMUNITY -> regions.communities(scope)
				.stream()
				.map(community -> new AssessmentSubject(kind, community.id(), community.name(), community.path()))
				.toList();
			case SQUADRON -> roster.visibleUnits(scope)
				.stream()
				.filter(unit -> unit.kind() == UnitKind.SQUADRON && unit.active() && scope.covers(unit.regionPath()))
				.map(unit -> new AssessmentSubject(kind, unit.id(), unit.name(), unit.regionName()))
				.toList();
			case LIAISON -> {
				Set<Long> staffIds = new LinkedHashSet<>();
				assignments.visitDuties(scope)
					.stream()
					.filter(duty -> !duty.responsible())
					.forEach(liaison -> staffIds.add(liaison.staffId()));
				yield staffIds.stream()
					.map(roster::findStaff)
					.flatMap(Optional::stream)
					.filter(StaffView::active)
					.map(person -> new AssessmentSubject(kind, person.id(), person.name(), person.unitName()))
					.toList();
			}
		};
	}

	/** The subjects of the kind inside the scope, scored on the block and ranked. */
	public AssessmentRanking ranking(long blockId, AssessmentSubject.Kind kind, Period period, DataScope scope) {
		Indicator block = indicators.get(blockId, indicators.asOf(period));
		Inputs inputs = new Inputs(kind, period, scope);
		List<AssessmentRanking.Scored> scored = new ArrayList<>();
		for (AssessmentSubject subject : subjects(kind, scope)) {
			scored.add(new AssessmentRanking.Scored(subject,
					IndicatorScore.of(block, indicator -> inputs.of(indicator, subject))));
		}
		return AssessmentRanking.of(block, period, kind, scored);
	}

	/** A subject's score on the block. */
	public IndicatorScore score(long blockId, AssessmentSubject subject, Period period, DataScope scope) {
		Inputs inputs = new Inputs(subject.kind(), period, scope);
		return IndicatorScore.of(indicators.get(blockId, indicators.asOf(period)), indicator -> inputs.of(indicator, subject));
	}

	/** Enters (or replaces) an admin's points for a MANUAL indicator, with what they rest on. */
	@Transactional
	public void enterManual(long indicatorId, AssessmentSubject.Kind kind, long subjectId, Period period,
			BigDecimal points, String evidence, StaffPrincipal who) {
		Indicator indicator = indicators.get(indicatorId, indicators.asOf(period));
		if (indicator.rule() != IndicatorRule.MANUAL) {
			throw new InvalidRequestException("assessment.manual.notManual");
		}
		if (points == null || points.signum() < 0 || points.compareTo(indicator.points()) > 0 || points.scale() > 2) {
			throw new InvalidRequestException("assessment.manual.points", indicator.points().toPlainString());
		}
		String reason = evidence == null ? "" : evidence.strip();
		if (reason.isEmpty() || reason.length() > 500) {
			throw new InvalidRequestException("assessment.manual.evidence");
		}
		if (subjects(kind, who.scope()).stream().noneMatch(subject -> subject.id() == subjectId)) {
			throw new NotFoundException();
		}
		jdbc.sql("""
				DELETE FROM assessment_manual_score
				WHERE indicator_id = ? AND subject_kind = ? AND subject_id = ? AND period_kind = ? AND period_start = ?""")
			.params(indicatorId, kind.name(), subjectId, period.kind().name(), period.start())
			.update();
		jdbc.sql("""
				INSERT INTO assessment_manual_score (indicator_id, subject_kind, subject_id, period_kind, period_start,
				       points, evidence, entered_by, entered_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(indicatorId, kind.name(), subjectId, period.kind().name(), period.start(), points, reason,
					who.username(), DbTime.utc(clock.instant()))
			.update();
		auditLog.record(AuditAction.MANUAL_SCORE_SAVED, "indicator", indicatorId,
				kind + " " + subjectId + " " + period.kind() + " " + period.start() + " " + points.toPlainString());
	}

	/** The inputs of one kind of subject over one period, each source read once for all of them. */
	private final class Inputs {

		private final AssessmentSubject.Kind kind;

		private final Period period;

		private final DataScope scope;

		private final YearMonth firstMonth;

		private final YearMonth lastMonth;

		/** per unit or staff id: one ranking scores one kind, so one dimension */
		private Map<String, Figures> byKey;

		private Map<Long, Figures> visitsBySubject;

		private Map<Long, Integer> lateLedgersByUnit;

		private Map<Long, Set<Long>> unitsOfCommunity;

		private final Map<Long, Figures> communityFigures = new HashMap<>();

		private final Map<Long, Long> unitOfStaff = new HashMap<>();

		Inputs(AssessmentSubject.Kind kind, Period period, DataScope scope) {
			this.kind = kind;
			this.period = period;
			this.scope = scope;
			this.firstMonth = YearMonth.from(period.start());
			this.lastMonth = YearMonth.from(period.end());
		}

		Double of(Indicator indicator, AssessmentSubject subject) {
			return switch (indicator.source()) {
				case GROUP -> null;
				case KPI -> indicator.kpi().value(figures(subject));
				case MUTUAL_RATING -> switch (kind) {
					case COMMUNITY -> ratings.averageGiven(subject.id(), firstMonth, lastMonth);
					case SQUADRON -> ratings.averageReceived(MutualRatingTarget.Kind.UNIT, subject.id(), firstMonth,
							lastMonth);
					case LIAISON -> ratings.averageReceived(MutualRatingTarget.Kind.STAFF, subject.id(), firstMonth,
							lastMonth);
				};
				case LEDGER_LATE -> lateLedgers(subject);
				case MANUAL -> manual(indicator, subject);
			};
		}

		private Figures figures(AssessmentSubject subject) {
			Figures cases = switch (kind) {
				case COMMUNITY -> communityFigures.computeIfAbsent(subject.id(),
						id -> regions.find(id).map(region -> queries.total(region, period)).orElse(Figures.NONE));
				case SQUADRON -> byKey(Dimension.UNIT).getOrDefault(Long.toString(subject.id()), Figures.NONE);
				case LIAISON -> byKey(Dimension.STAFF).getOrDefault(Long.toString(subject.id()), Figures.NONE);
			};
			Figures visits = visits().getOrDefault(subject.id(), Figures.NONE);
			return cases.withVisits(visits.visitPairs(), visits.visitPairsMet());
		}

		private Map<String, Figures> byKey(Dimension dimension) {
			if (byKey == null) {
				byKey = regions.find(scope.homeRegionId())
					.map(region -> queries.by(dimension, region, period))
					.orElse(Map.of());
			}
			return byKey;
		}

		/**
		 * Liaison × community pairs that met their visit rule, per subject: a community's liaisons, a squadron's
		 * liaisons, a liaison's communities. A period shorter than the rule's (a week under a monthly rule) and one
		 * not yet begun measure nothing.
		 */
		private Map<Long, Figures> visits() {
			if (visitsBySubject != null) {
				return visitsBySubject;
			}
			visitsBySubject = new HashMap<>();
			LocalDate today = LocalDate.ofInstant(clock.instant(), platform.timeZone());
			if (period.start().isAfter(today)) {
				return visitsBySubject;
			}
			LocalDate to = period.end().isAfter(today) ? today : period.end();
			for (VisitComplianceReport.Row row : visitReport.report(scope, period.start(), to)) {
				if (row.duty().responsible() || row.result().isEmpty() || !measurable(row)) {
					continue;
				}
				long key = switch (kind) {
					case COMMUNITY -> row.duty().communityId();
					case LIAISON -> row.duty().staffId();
					case SQUADRON -> unitOf(row.duty().staffId());
				};
				boolean met = row.result().get().met();
				visitsBySubject.merge(key, Figures.NONE.withVisits(1, met ? 1 : 0),
						(a, b) -> a.withVisits(a.visitPairs() + b.visitPairs(), a.visitPairsMet() + b.visitPairsMet()));
			}
			return visitsBySubject;
		}

		private boolean measurable(VisitComplianceReport.Row row) {
			return row.rule()
				.map(rule -> rule.period() == chengguan.fieldwork.VisitPeriod.WEEK ? period.kind() != Period.Kind.DAY
						: !period.daily())
				.orElse(false);
		}

		private long unitOf(long staffId) {
			return unitOfStaff.computeIfAbsent(staffId,
					id -> roster.findStaff(id).map(StaffView::unitId).orElse(-1L));
		}

		/** Monthly ledgers due inside the period (and by today) that were late or are still missing. */
		private Double lateLedgers(AssessmentSubject subject) {
			if (lateLedgersByUnit == null) {
				lateLedgersByUnit = new HashMap<>();
				LocalDate today = LocalDate.ofInstant(clock.instant(), platform.timeZone());
				for (YearMonth month = firstMonth.minusMonths(1); !month.isAfter(lastMonth); month = month.plusMonths(1)) {
					LocalDate due = LedgerSubmissions.dueDate(month);
					if (due.isBefore(period.start()) || due.isAfter(period.end()) || !due.isBefore(today)) {
						continue;
					}
					for (LedgerSubmissions.LedgerStatus status : ledgers.statuses(month, scope)) {
						boolean late = status.state() == LedgerSubmissions.State.LATE
								|| status.state() == LedgerSubmissions.State.OVERDUE;
						lateLedgersByUnit.merge(status.unit().id(), late ? 1 : 0, Integer::sum);
					}
				}
			}
			Set<Long> units = switch (kind) {
				case SQUADRON -> Set.of(subject.id());
				case LIAISON -> Set.of(unitOf(subject.id()));
				case COMMUNITY -> unitsOfCommunity().getOrDefault(subject.id(), Set.of());
			};
			return (double) units.stream().mapToInt(unit -> lateLedgersByUnit.getOrDefault(unit, 0)).sum();
		}

		private Map<Long, Set<Long>> unitsOfCommunity() {
			if (unitsOfCommunity == null) {
				unitsOfCommunity = new HashMap<>();
				for (VisitDuty liaison : assignments.visitDuties(scope)) {
					if (liaison.responsible()) {
						continue;
					}
					unitsOfCommunity.computeIfAbsent(liaison.communityId(), id -> new LinkedHashSet<>())
						.add(unitOf(liaison.staffId()));
				}
			}
			return unitsOfCommunity;
		}

		private Double manual(Indicator indicator, AssessmentSubject subject) {
			return jdbc.sql("""
					SELECT points FROM assessment_manual_score
					WHERE indicator_id = ? AND subject_kind = ? AND subject_id = ? AND period_kind = ? AND period_start = ?""")
				.params(indicator.id(), kind.name(), subject.id(), period.kind().name(), period.start())
				.query((rs, n) -> rs.getBigDecimal(1))
				.optional()
				.map(BigDecimal::doubleValue)
				.orElse(null);
		}

	}

	/** Manual points entered so far for the block's MANUAL indicators in the period, by indicator and subject. */
	public Map<String, String> manualEvidence(AssessmentSubject.Kind kind, Period period) {
		Map<String, String> evidence = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT indicator_id, subject_id, evidence FROM assessment_manual_score
				WHERE subject_kind = ? AND period_kind = ? AND period_start = ?""")
			.params(kind.name(), period.kind().name(), period.start())
			.query(rs -> {
				evidence.put(rs.getLong(1) + "/" + rs.getLong(2), rs.getString(3));
			});
		return evidence;
	}

}
