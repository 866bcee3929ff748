package chengguan.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import chengguan.organization.RegionService;
import chengguan.organization.RegionView;
import chengguan.platform.PlatformProperties;
import chengguan.platform.security.StaffPrincipal;
import static chengguan.platform.persistence.DbTime.instant;

/** Case lists for the work inbox and the filtered list, always inside the person's scope. */
@Service
@Transactional(readOnly = true)
public class CaseQueries {

	private static final Set<CaseState> OPEN = EnumSet.of(CaseState.PENDING, CaseState.ACCEPTED, CaseState.REGISTERED,
			CaseState.DISPATCHED, CaseState.HANDLING, CaseState.FEEDBACK, CaseState.CLOSED, CaseState.SUSPENDED);

	private final JdbcClient jdbc;

	private final RegionService regions;

	private final PlatformProperties platform;

	private final Clock clock;

	CaseQueries(JdbcClient jdbc, RegionService regions, PlatformProperties platform, Clock clock) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.platform = platform;
		this.clock = clock;
	}

	/** @return at most one page and one more row, so the caller knows whether there is a next page */
	public List<CaseRow> list(CaseFilter filter, StaffPrincipal who) {
		Map<String, Object> params = new LinkedHashMap<>();
		String where = where(filter, who, params, "");
		if (where == null) {
			return List.of();
		}
		return rowsWhere(where + " ORDER BY created_at DESC, id DESC LIMIT " + (CaseFilter.PAGE_SIZE + 1) + " OFFSET "
				+ (long) filter.page() * CaseFilter.PAGE_SIZE, params);
	}

	/**
	 * The filter as a WHERE clause over case_file, parameters named with this prefix (so several tabs fit in one
	 * statement); null when the filter can select nothing.
	 */
	private String where(CaseFilter filter, StaffPrincipal who, Map<String, Object> params, String p) {
		StringBuilder sql = new StringBuilder("region_path LIKE :" + p + "scope");
		params.put(p + "scope", who.scope().pathPattern());
		Set<CaseState> states = statesFor(filter.inbox(), who);
		if (filter.state() != null) {
			states = states.contains(filter.state()) ? EnumSet.of(filter.state()) : EnumSet.noneOf(CaseState.class);
		}
		Set<RequestKind> decides = decides(who);
		if (filter.inbox() == CaseInbox.MINE && !decides.isEmpty()) {
			// pending requests the person may decide are to-dos too, in whichever open state the case is
			states = filter.state() == null ? EnumSet.copyOf(OPEN)
					: OPEN.contains(filter.state()) ? EnumSet.of(filter.state()) : EnumSet.noneOf(CaseState.class);
		}
		if (states.isEmpty()) {
			return null;
		}
		params.put(p + "states", states.stream().map(Enum::name).toList());
		Instant now = clock.instant();
		OffsetDateTime nowUtc = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
		switch (filter.inbox()) {
			case MINE -> {
				sql.append(" AND ((state IN (:" + p + "states) AND ")
					.append(mine(statesFor(CaseInbox.MINE, who), decides, who, params, p))
					.append(")");
				if (who.staffId() != null) {
					// an open 核实/核查 task sent to this person, whatever the case's state
					sql.append(" OR id IN (SELECT case_id FROM case_task WHERE assignee_staff_id = :" + p
							+ "staff AND done_at IS NULL)");
					params.put(p + "staff", who.staffId());
				}
				sql.append(")");
			}
			case OVERDUE -> {
				sql.append(" AND state IN (:" + p + "states)");
				sql.append(" AND ((state IN ('PENDING', 'ACCEPTED') AND accept_due_at <= :" + p + "now)"
						+ " OR (state IN ('REGISTERED', 'DISPATCHED', 'HANDLING') AND handle_due_at <= :" + p + "now))");
				params.put(p + "now", nowUtc);
			}
			case DUE_SOON -> {
				sql.append(" AND state IN (:" + p + "states)");
				// the stored warning times (80 % of the limit, counted on the work calendar)
				sql.append(" AND ((state IN ('PENDING', 'ACCEPTED') AND accept_warn_at <= :" + p + "now AND accept_due_at > :"
						+ p + "now)" + " OR (state IN ('REGISTERED', 'DISPATCHED', 'HANDLING') AND handle_warn_at <= :" + p
						+ "now AND handle_due_at > :" + p + "now))");
				params.put(p + "now", nowUtc);
			}
			case SUPERVISED -> sql.append(" AND state IN (:" + p + "states) AND (escalation_level > 0 OR return_count >= ")
				.append(CaseService.RETURNS_FOR_SUPERVISION)
				.append(" OR id IN (SELECT case_id FROM case_call WHERE kind = 'SUPERVISION' AND answered_at IS NULL))");
			default -> sql.append(" AND state IN (:" + p + "states)");
		}
		if (filter.channel() != null) {
			sql.append(" AND channel = :" + p + "channel");
			params.put(p + "channel", filter.channel());
		}
		if (filter.regionId() != null) {
			RegionView region = regions.find(filter.regionId()).orElse(null);
			if (region == null || !who.scope().covers(region.path())) {
				return null;
			}
			sql.append(" AND region_path LIKE :" + p + "region");
			params.put(p + "region", region.path() + "%");
		}
		if (filter.categoryId() != null) {
			sql.append(" AND category_id = :" + p + "category");
			params.put(p + "category", filter.categoryId());
		}
		if (filter.from() != null) {
			sql.append(" AND created_at >= :" + p + "from");
			params.put(p + "from", filter.from().atStartOfDay(platform.timeZone()).toOffsetDateTime());
		}
		if (filter.to() != null) {
			sql.append(" AND created_at < :" + p + "to");
			params.put(p + "to", filter.to().plusDays(1).atStartOfDay(platform.timeZone()).toOffsetDateTime());
		}
		return sql.toString();
	}

	/** These cases as list rows, in this order; cases outside the person's scope are left out. */
	public List<CaseRow> rows(List<Long> ids, StaffPrincipal who) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("ids", ids);
		params.put("scope", who.scope().pathPattern());
		Map<Long, CaseRow> byId = rowsWhere("id IN (:ids) AND region_path LIKE :scope", params).stream()
			.collect(Collectors.toMap(CaseRow::id, row -> row));
		return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
	}

	/**
	 * One statement for a whole page: the cases the clause selects (it may end in ORDER BY … LIMIT) with the names
	 * of their category, community and unit joined in, in the clause's order.
	 */
	private List<CaseRow> rowsWhere(String clause, Map<String, Object> params) {
		Instant now = clock.instant();
		return jdbc.sql("""
				SELECT c.id, c.tracking_code, c.state, c.channel, cat.name AS category_name, reg.name AS community_name,
				       u.name AS unit_name, c.created_at, c.accept_due_at, c.handle_started_at, c.handle_due_at,
				       c.accept_warn_at, c.handle_warn_at,
				       c.escalation_level, c.rework_count, c.return_count
				FROM (SELECT * FROM case_file WHERE\s""" + clause + """
				) c
				LEFT JOIN category cat ON cat.id = c.category_id
				JOIN region reg ON reg.id = c.community_id
				LEFT JOIN org_unit u ON u.id = c.assignee_unit_id
				ORDER BY c.created_at DESC, c.id DESC""")
			.params(params)
			.query((rs, n) -> {
				CaseState state = CaseState.valueOf(rs.getString("state"));
				Instant created = instant(rs, "created_at");
				// the deadline rules live on CaseView: build the part of it they read
				CaseView timing = new CaseView(rs.getLong("id"), 0, null, null, state, null, null, 0, null, null, null,
						null, instant(rs, "accept_due_at"), instant(rs, "handle_started_at"),
						instant(rs, "handle_due_at"), null, 0, 0, created, null, 0, instant(rs, "accept_warn_at"),
						instant(rs, "handle_warn_at"), rs.getInt("return_count"), null);
				return new CaseRow(timing.id(), rs.getString("tracking_code"), state, rs.getString("channel"),
						rs.getString("category_name"), rs.getString("community_name"), rs.getString("unit_name"),
						created, timing.currentDue(), timing.timeStatus(now), rs.getInt("escalation_level"),
						rs.getInt("rework_count"), rs.getInt("return_count"));
			})
			.list();
	}

	/**
	 * How many cases each tab holds, for the badges, in one statement. The badge shows "50+" beyond 50, so each
	 * tab is counted only up to 51: the count stays as cheap with 100 000 open cases as with 100.
	 */
	public Map<String, Integer> counts(StaffPrincipal who) {
		Map<String, Object> params = new LinkedHashMap<>();
		List<CaseInbox> tabs = new ArrayList<>();
		List<String> counts = new ArrayList<>();
		for (CaseInbox inbox : CaseInbox.values()) {
			if (inbox == CaseInbox.ALL) {
				continue;
			}
			tabs.add(inbox);
			String where = where(new CaseFilter(inbox, null, null, null, null, null, null, 0), who, params,
					inbox.name().toLowerCase(java.util.Locale.ROOT) + "_");
			counts.add(where == null ? "0"
					: "(SELECT COUNT(*) FROM (SELECT 1 AS one FROM case_file WHERE " + where + " LIMIT "
							+ (BADGE_CAP + 1) + ") t" + counts.size() + ")");
		}
		List<Integer> found = jdbc.sql("SELECT " + String.join(", ", counts) + "")
			.params(params)
			.query((rs, n) -> {
				List<Integer> values = new ArrayList<>();
				for (int i = 1; i <= tabs.size(); i++) {
					values.add(rs.getInt(i));
				}
				return values;
			})
			.single();
		Map<String, Integer> result = new LinkedHashMap<>();
		for (int i = 0; i < tabs.size(); i++) {
			result.put(tabs.get(i).name(), found.get(i));
		}
		return result;
	}

	/** Badges say "50+" beyond this. */
	private static final int BADGE_CAP = 50;

	/**
	 * Counts of the selected cases inside the person's scope, per region path and state, in one query: callers
	 * add them up per region of their own (a 专项整治's target regions) without asking again.
	 */
	public List<CaseTally> tally(CaseSelection selection, StaffPrincipal who) {
		if (selection.selectsNothing()) {
			return List.of();
		}
		Map<String, Object> params = new LinkedHashMap<>();
		String where = selected(selection, who, params);
		params.put("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
		return jdbc.sql("""
				SELECT region_path, state, COUNT(*),
				    SUM(CASE WHEN (state IN ('PENDING', 'ACCEPTED') AND accept_due_at <= :now)
				        OR (state IN ('REGISTERED', 'DISPATCHED', 'HANDLING') AND handle_due_at <= :now) THEN 1 ELSE 0 END)
				FROM case_file WHERE\s""" + where + " GROUP BY region_path, state")
			.params(params)
			.query((rs, n) -> new CaseTally(rs.getString(1), CaseState.valueOf(rs.getString(2)), rs.getInt(3),
					rs.getInt(4)))
			.list();
	}

	/** The selected cases inside the person's scope, newest first; at most {@code limit} and one more. */
	public List<CaseRow> list(CaseSelection selection, int limit, StaffPrincipal who) {
		if (selection.selectsNothing()) {
			return List.of();
		}
		Map<String, Object> params = new LinkedHashMap<>();
		String where = selected(selection, who, params);
		return rowsWhere(where + " ORDER BY created_at DESC, id DESC LIMIT " + (Math.max(limit, 0) + 1), params);
	}

	private String selected(CaseSelection selection, StaffPrincipal who, Map<String, Object> params) {
		StringBuilder where = new StringBuilder("region_path LIKE :scope AND category_id IN (:categories)"
				+ " AND state IN (:states) AND created_at >= :from AND created_at < :to AND (");
		params.put("scope", who.scope().pathPattern());
		params.put("categories", selection.categoryIds());
		params.put("states", selection.states().stream().map(Enum::name).toList());
		params.put("from", selection.from().atStartOfDay(platform.timeZone()).toOffsetDateTime());
		params.put("to", selection.to().plusDays(1).atStartOfDay(platform.timeZone()).toOffsetDateTime());
		for (int i = 0; i < selection.regionPaths().size(); i++) {
			where.append(i == 0 ? "" : " OR ").append("region_path LIKE :region").append(i);
			// region paths hold only digits and slashes: nothing to escape in the pattern
			params.put("region" + i, selection.regionPaths().get(i) + "%");
		}
		return where.append(")").toString();
	}

	private static final Set<CaseState> WITH_ASSIGNEE = EnumSet.of(CaseState.DISPATCHED, CaseState.HANDLING);

	/**
	 * 我的待办: coordinators (指挥调度, 管理员) see every case they can move on; others see what was dispatched to their
	 * unit, the steps their role takes on any case, and every open call (吹哨, 协办, 督办) to their unit.
	 */
	private static String mine(Set<CaseState> states, Set<RequestKind> decides, StaffPrincipal who,
			Map<String, Object> params, String p) {
		List<String> clauses = new ArrayList<>();
		if (!decides.isEmpty()) {
			clauses.add("id IN (SELECT case_id FROM case_request WHERE decided_at IS NULL AND kind IN (:" + p
					+ "decides))");
			params.put(p + "decides", decides.stream().map(Enum::name).toList());
		}
		if (who.hasAnyRole(chengguan.platform.security.Role.DISPATCHER, chengguan.platform.security.Role.ADMIN)) {
			if (!states.isEmpty()) {
				clauses.add("state IN (:" + p + "todo)");
				params.put(p + "todo", states.stream().map(Enum::name).toList());
			}
		}
		else {
			List<String> general = states.stream().filter(s -> !WITH_ASSIGNEE.contains(s)).map(Enum::name).toList();
			List<String> assigned = states.stream().filter(WITH_ASSIGNEE::contains).map(Enum::name).toList();
			if (!general.isEmpty()) {
				clauses.add("state IN (:" + p + "general)");
				params.put(p + "general", general);
			}
			if (!assigned.isEmpty() && who.unitId() != null) {
				clauses.add("(state IN (:" + p + "assigned) AND assignee_unit_id = :" + p + "unit)");
				params.put(p + "assigned", assigned);
			}
		}
		if (who.unitId() != null) {
			clauses.add("id IN (SELECT case_id FROM case_call WHERE unit_id = :" + p + "unit AND answered_at IS NULL)");
			params.put(p + "unit", who.unitId());
		}
		return clauses.isEmpty() ? "1 = 0" : "(" + String.join(" OR ", clauses) + ")";
	}

	/** The kinds of request this person may approve or refuse. */
	private static Set<RequestKind> decides(StaffPrincipal who) {
		Set<RequestKind> kinds = EnumSet.noneOf(RequestKind.class);
		for (CaseAction action : CaseAction.values()) {
			if (action.isDecision() && action.mayBeTakenBy(who.roles())) {
				kinds.add(action.requestKind());
			}
		}
		return kinds;
	}

	private static Set<CaseState> statesFor(CaseInbox inbox, StaffPrincipal who) {
		return switch (inbox) {
			case TO_ACCEPT -> EnumSet.of(CaseState.PENDING);
			case TO_DISPATCH -> EnumSet.of(CaseState.ACCEPTED, CaseState.REGISTERED);
			case MINE -> OPEN.stream()
				.filter(state -> CaseAction.availableFrom(state).stream()
					.anyMatch(action -> action.isToDo() && action.mayBeTakenBy(who.roles())))
				.collect(Collectors.toCollection(() -> EnumSet.noneOf(CaseState.class)));
			case DUE_SOON, OVERDUE -> EnumSet.of(CaseState.PENDING, CaseState.ACCEPTED, CaseState.REGISTERED,
					CaseState.DISPATCHED, CaseState.HANDLING);
			case SUPERVISED -> EnumSet.copyOf(OPEN);
			case ALL -> EnumSet.allOf(CaseState.class);
		};
	}

}
