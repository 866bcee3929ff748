package chengguan.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import chengguan.catalog.CategoryService;
import chengguan.catalog.CategoryView;
import chengguan.organization.RegionService;
import chengguan.organization.RegionView;
import chengguan.organization.RosterService;
import chengguan.organization.UnitView;
import chengguan.platform.PlatformProperties;
import chengguan.platform.security.StaffPrincipal;

/** Case lists for the work inbox and the filtered list, always inside the person's scope. */
@Service
@Transactional(readOnly = true)
public class CaseQueries {

	private static final Set<CaseState> OPEN = EnumSet.of(CaseState.PENDING, CaseState.ACCEPTED, CaseState.REGISTERED,
			CaseState.DISPATCHED, CaseState.HANDLING, CaseState.FEEDBACK, CaseState.CLOSED, CaseState.SUSPENDED);

	private final JdbcClient jdbc;

	private final CaseService cases;

	private final CategoryService categories;

	private final RegionService regions;

	private final RosterService roster;

	private final PlatformProperties platform;

	private final Clock clock;

	CaseQueries(JdbcClient jdbc, CaseService cases, CategoryService categories, RegionService regions,
			RosterService roster, PlatformProperties platform, Clock clock) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.categories = categories;
		this.regions = regions;
		this.roster = roster;
		this.platform = platform;
		this.clock = clock;
	}

	/** @return at most one page and one more row, so the caller knows whether there is a next page */
	public List<CaseRow> list(CaseFilter filter, StaffPrincipal who) {
		StringBuilder sql = new StringBuilder("SELECT id FROM case_file WHERE region_path LIKE :scope");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("scope", who.scope().pathPattern());
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
			return List.of();
		}
		params.put("states", states.stream().map(Enum::name).toList());
		Instant now = clock.instant();
		OffsetDateTime nowUtc = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
		switch (filter.inbox()) {
			case MINE -> sql.append(" AND state IN (:states) AND ").append(mine(statesFor(CaseInbox.MINE, who), decides, who, params));
			case OVERDUE -> {
				sql.append(" AND state IN (:states)");
				sql.append(" AND ((state IN ('PENDING', 'ACCEPTED') AND accept_due_at <= :now)"
						+ " OR (state IN ('REGISTERED', 'DISPATCHED', 'HANDLING') AND handle_due_at <= :now))");
				params.put("now", nowUtc);
			}
			case DUE_SOON -> {
				sql.append(" AND state IN (:states)");
				sql.append(" AND ((state IN ('PENDING', 'ACCEPTED') AND accept_due_at > :now)"
						+ " OR (state IN ('REGISTERED', 'DISPATCHED', 'HANDLING') AND handle_due_at > :now))");
				params.put("now", nowUtc);
			}
			case SUPERVISED -> sql.append(" AND state IN (:states) AND (escalation_level > 0 OR return_count >= ")
				.append(CaseService.RETURNS_FOR_SUPERVISION)
				.append(" OR id IN (SELECT case_id FROM case_call WHERE kind = 'SUPERVISION' AND answered_at IS NULL))");
			default -> sql.append(" AND state IN (:states)");
		}
		if (filter.channel() != null) {
			sql.append(" AND channel = :channel");
			params.put("channel", filter.channel());
		}
		if (filter.regionId() != null) {
			RegionView region = regions.find(filter.regionId()).orElse(null);
			if (region == null || !who.scope().covers(region.path())) {
				return List.of();
			}
			sql.append(" AND region_path LIKE :region");
			params.put("region", region.path() + "%");
		}
		if (filter.categoryId() != null) {
			sql.append(" AND category_id = :category");
			params.put("category", filter.categoryId());
		}
		if (filter.from() != null) {
			sql.append(" AND created_at >= :from");
			params.put("from", filter.from().atStartOfDay(platform.timeZone()).toOffsetDateTime());
		}
		if (filter.to() != null) {
			sql.append(" AND created_at < :to");
			params.put("to", filter.to().plusDays(1).atStartOfDay(platform.timeZone()).toOffsetDateTime());
		}
		sql.append(" ORDER BY created_at DESC, id DESC");
		if (filter.inbox() != CaseInbox.DUE_SOON) {
			sql.append(" LIMIT ").append(CaseFilter.PAGE_SIZE + 1).append(" OFFSET ")
				.append((long) filter.page() * CaseFilter.PAGE_SIZE);
		}
		List<Long> ids = jdbc.sql(sql.toString()).params(params).query(Long.class).list();
		return rows(ids, who, filter.inbox() == CaseInbox.DUE_SOON);
	}

	/** These cases as list rows, in this order (each one checked against the person's scope). */
	public List<CaseRow> rows(List<Long> ids, StaffPrincipal who) {
		return rows(ids, who, false);
	}

	private List<CaseRow> rows(List<Long> ids, StaffPrincipal who, boolean dueSoonOnly) {
		Instant now = clock.instant();
		Names names = new Names();
		List<CaseRow> rows = new ArrayList<>();
		for (long id : ids) {
			CaseView c = cases.get(id, who);
			CaseView.TimeStatus status = c.timeStatus(now);
			if (dueSoonOnly && status != CaseView.TimeStatus.WARNING) {
				continue;
			}
			rows.add(new CaseRow(c.id(), c.trackingCode(), c.state(), c.channel(), names.category(c.categoryId()),
					names.region(c.communityId()), names.unit(c.assigneeUnitId()), c.createdAt(), c.currentDue(),
					status, c.escalationLevel(), c.reworkCount(), c.returnCount()));
		}
		return rows;
	}

	/** How many cases each tab holds, for the badges. */
	public Map<String, Integer> counts(StaffPrincipal who) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (CaseInbox inbox : CaseInbox.values()) {
			if (inbox != CaseInbox.ALL) {
				counts.put(inbox.name(), list(new CaseFilter(inbox, null, null, null, null, null, null, 0), who).size());
			}
		}
		return counts;
	}

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
		List<Long> ids = jdbc.sql("SELECT id FROM case_file WHERE " + where + " ORDER BY created_at DESC, id DESC LIMIT "
				+ (Math.max(limit, 0) + 1))
			.params(params)
			.query(Long.class)
			.list();
		Instant now = clock.instant();
		Names names = new Names();
		List<CaseRow> rows = new ArrayList<>();
		for (long id : ids) {
			CaseView c = cases.get(id, who);
			rows.add(new CaseRow(c.id(), c.trackingCode(), c.state(), c.channel(), names.category(c.categoryId()),
					names.region(c.communityId()), names.unit(c.assigneeUnitId()), c.createdAt(), c.currentDue(),
					c.timeStatus(now), c.escalationLevel(), c.reworkCount(), c.returnCount()));
		}
		return rows;
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
			Map<String, Object> params) {
		List<String> clauses = new ArrayList<>();
		if (!decides.isEmpty()) {
			clauses.add("id IN (SELECT case_id FROM case_request WHERE decided_at IS NULL AND kind IN (:decides))");
			params.put("decides", decides.stream().map(Enum::name).toList());
		}
		if (who.hasAnyRole(chengguan.platform.security.Role.DISPATCHER, chengguan.platform.security.Role.ADMIN)) {
			if (!states.isEmpty()) {
				clauses.add("state IN (:todo)");
				params.put("todo", states.stream().map(Enum::name).toList());
			}
		}
		else {
			List<String> general = states.stream().filter(s -> !WITH_ASSIGNEE.contains(s)).map(Enum::name).toList();
			List<String> assigned = states.stream().filter(WITH_ASSIGNEE::contains).map(Enum::name).toList();
			if (!general.isEmpty()) {
				clauses.add("state IN (:general)");
				params.put("general", general);
			}
			if (!assigned.isEmpty() && who.unitId() != null) {
				clauses.add("(state IN (:assigned) AND assignee_unit_id = :unit)");
				params.put("assigned", assigned);
			}
		}
		if (who.unitId() != null) {
			clauses.add("id IN (SELECT case_id FROM case_call WHERE unit_id = :unit AND answered_at IS NULL)");
			params.put("unit", who.unitId());
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

	/** Names looked up through their modules once per list. */
	private final class Names {

		private final Map<Long, String> categoryNames = new HashMap<>();

		private final Map<Long, String> regionNames = new HashMap<>();

		private final Map<Long, String> unitNames = new HashMap<>();

		String category(Long id) {
			return id == null ? null
					: categoryNames.computeIfAbsent(id, key -> categories.find(key).map(CategoryView::name).orElse(null));
		}

		String region(long id) {
			return regionNames.computeIfAbsent(id, key -> regions.find(key).map(RegionView::name).orElse(null));
		}

		String unit(Long id) {
			return id == null ? null
					: unitNames.computeIfAbsent(id, key -> roster.findUnit(key).map(UnitView::name).orElse(null));
		}

	}

}
