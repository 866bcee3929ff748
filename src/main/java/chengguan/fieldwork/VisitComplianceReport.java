package chengguan.fieldwork;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import chengguan.organization.AssignmentService;
import chengguan.organization.RegionService;
import chengguan.organization.RegionView;
import chengguan.organization.VisitDuty;
import chengguan.platform.security.DataScope;

/**
 * Visit compliance of everyone who owes community visits (responsible officers and liaisons), per person and
 * community over any range, each measured against the rule that applies to that community.
 */
@Service
public class VisitComplianceReport {

	/** One person's visits to one community; {@code result} is empty where no rule applies. */
	public record Row(VisitDuty duty, Optional<VisitRule> rule, String ruleRegionName,
			Optional<VisitCompliance.Result> result, int visits, int minutes) {

		/** A whole period of the range was missed. */
		public boolean behind() {
			return result.map(found -> !found.met()).orElse(false);
		}

		/** Nothing to judge yet: the range holds no whole period of the rule. */
		public boolean ongoing() {
			return result.map(found -> found.wholePeriods() == 0).orElse(false);
		}

	}

	private final JdbcClient jdbc;

	private final AssignmentService assignments;

	private final VisitRules rules;

	private final RegionService regions;

	VisitComplianceReport(JdbcClient jdbc, AssignmentService assignments, VisitRules rules, RegionService regions) {
		this.jdbc = jdbc;
		this.assignments = assignments;
		this.rules = rules;
		this.regions = regions;
	}

	@Transactional(readOnly = true)
	public List<Row> report(DataScope scope, LocalDate from, LocalDate to) {
		Map<String, List<VisitCompliance.Visit>> visits = new HashMap<>();
		jdbc.sql("""
				SELECT p.staff_id, l.community_id, l.log_date, l.start_time, l.end_time
				FROM duty_log l JOIN duty_log_participant p ON p.log_id = l.id
				WHERE p.staff_id IS NOT NULL AND l.region_path LIKE ? AND l.log_date BETWEEN ? AND ?""")
			.params(scope.pathPattern(), from, to)
			.query(rs -> {
				int minutes = (int) Duration
					.between(rs.getObject(4, LocalTime.class), rs.getObject(5, LocalTime.class))
					.toMinutes();
				visits.computeIfAbsent(rs.getLong(1) + "/" + rs.getLong(2), key -> new ArrayList<>())
					.add(new VisitCompliance.Visit(rs.getObject(3, LocalDate.class), minutes));
			});
		Map<Long, Optional<VisitRule>> ruleOfCommunity = new HashMap<>();
		// the rules in force at the end of the range: a later change does not rewrite a past period
		LocalDate asOf = rules.asOf(to);
		Set<String> seen = new HashSet<>();
		List<Row> rows = new ArrayList<>();
		for (VisitDuty duty : assignments.visitDuties(scope)) {
			String key = duty.staffId() + "/" + duty.communityId();
			if (!seen.add(key)) {
				continue;
			}
			List<VisitCompliance.Visit> own = visits.getOrDefault(key, List.of());
			Optional<VisitRule> rule = ruleOfCommunity.computeIfAbsent(duty.communityId(), id -> rules.applying(id, asOf));
			rows.add(new Row(duty, rule,
					rule.flatMap(found -> regions.find(found.regionId())).map(RegionView::name).orElse(null),
					rule.map(found -> VisitCompliance.evaluate(found, own, from, to)), own.size(),
					own.stream().mapToInt(VisitCompliance.Visit::minutes).sum()));
		}
		return rows;
	}

}
