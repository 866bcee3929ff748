package chengguan.fieldwork;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import chengguan.cases.CaseQueries;
import chengguan.cases.CaseRow;
import chengguan.cases.CaseSelection;
import chengguan.cases.CaseState;
import chengguan.cases.CaseTally;
import chengguan.catalog.CategoryNode;
import chengguan.catalog.CategoryService;
import chengguan.catalog.CategoryView;
import chengguan.organization.RegionService;
import chengguan.organization.RegionView;
import chengguan.platform.PlatformProperties;
import chengguan.platform.audit.AuditAction;
import chengguan.platform.audit.AuditLog;
import chengguan.platform.security.Role;
import chengguan.platform.security.ScopeGuard;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.web.InvalidRequestException;
import chengguan.platform.web.NotFoundException;
import chengguan.platform.web.UserFacingException;

import static chengguan.platform.persistence.DbTime.instant;
import static chengguan.platform.persistence.DbTime.utc;

/**
 * 专项整治: campaigns created by the office (by hand or from a template), seen by everyone whose scope they reach,
 * with progress figures from the cases module and the linked duty logs, always cut to the person's scope.
 */
@Service
public class Campaigns {

	/** Merged cases are counted in the case they joined; declined ones were never a problem to fix. */
	static final Set<CaseState> COUNTED = EnumSet.complementOf(EnumSet.of(CaseState.MERGED, CaseState.DECLINED));

	static final Set<CaseState> CLOSED = EnumSet.of(CaseState.CLOSED, CaseState.ARCHIVED);

	private static final int MAX_NAME = 100;

	private static final int MAX_DESCRIPTION = 2000;

	private static final String COLUMNS = """
			id, name, description, start_date, end_date, template_id, created_by, created_at, version""";

	private final JdbcClient jdbc;

	private final RegionService regions;

	private final CategoryService categories;

	private final CaseQueries caseQueries;

	private final ScopeGuard scopeGuard;

	private final AuditLog auditLog;

	private final PlatformProperties platform;

	private final Clock clock;

	Campaigns(JdbcClient jdbc, RegionService regions, CategoryService categories, CaseQueries caseQueries,
			ScopeGuard scopeGuard, AuditLog auditLog, PlatformProperties platform, Clock clock) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.categories = categories;
		this.caseQueries = caseQueries;
		this.scopeGuard = scopeGuard;
		this.auditLog = auditLog;
		this.platform = platform;
		this.clock = clock;
	}

	public LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), platform.timeZone());
	}

	public CampaignStatus status(Campaign campaign) {
		return campaign.status(today());
	}

	// ---- templates

	@Transactional(readOnly = true)
	public List<CampaignTemplate> templates() {
		record Row(long id, String code, String name, String description, String source) {
		}
		List<Row> rows = jdbc.sql("SELECT id, code, name, description, source FROM campaign_template ORDER BY id")
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.list();
		Map<Long, List<CampaignTemplate.Item>> items = new HashMap<>();
		jdbc.sql("""
				SELECT template_id, category_id, focus, focus_order FROM campaign_template_category
				ORDER BY focus_order, category_id""")
			.query((rs, n) -> Map.entry(rs.getLong(1),
					new CampaignTemplate.Item(rs.getLong(2), rs.getString(3), rs.getInt(4))))
			.list()
			.forEach(entry -> items.computeIfAbsent(entry.getKey(), key -> new ArrayList<>()).add(entry.getValue()));
		return rows.stream()
			.map(row -> new CampaignTemplate(row.id(), row.code(), row.name(), row.description(), row.source(),
					items.getOrDefault(row.id(), List.of())))
			.toList();
	}

	@Transactional(readOnly = true)
	public Optional<CampaignTemplate> template(long id) {
		return templates().stream().filter(template -> template.id() == id).findFirst();
	}

	@Transactional(readOnly = true)
	public Optional<CampaignTemplate> templateByCode(String code) {
		return templates().stream().filter(template -> template.code().equals(code)).findFirst();
	}

	/** A new campaign's details as the template has them; the person adds the period and the regions. */
	public CampaignDetails fromTemplate(CampaignTemplate template, LocalDate start, LocalDate end,
			List<Long> regionIds) {
		return new CampaignDetails(template.name(), template.description(), start, end, regionIds,
				template.categoryIds(), template.id());
	}

	// ---- creating and changing

	@Transactional
	public Campaign create(CampaignDetails details, StaffPrincipal who) {
		requireOrganizer(who);
		List<RegionView> targets = check(details);
		for (RegionView target : targets) {
			scopeGuard.requireCovers(who, target.path(), "region", target.id());
		}
		long id = insert(details, targets, who.username());
		auditLog.record(AuditAction.CAMPAIGN_CREATED, "campaign", id, summary(details));
		return find(id).orElseThrow();
	}

	/** For demo data and tests: no role or scope check, no audit. */
	@Transactional
	public Campaign createUnchecked(CampaignDetails details, String createdBy) {
		return find(insert(details, check(details), createdBy)).orElseThrow();
	}

	@Transactional
	public Campaign update(long id, long seenVersion, CampaignDetails details, StaffPrincipal who) {
		requireOrganizer(who);
		Campaign current = get(id, who);
		if (!current.within(who.scope())) {
			throw new UserFacingException(HttpStatus.FORBIDDEN, "campaign.edit.beyondScope");
		}
		List<RegionView> targets = check(details);
		for (RegionView target : targets) {
			scopeGuard.requireCovers(who, target.path(), "region", target.id());
		}
		int updated = jdbc.sql("""
				UPDATE campaign SET name = ?, description = ?, start_date = ?, end_date = ?, updated_by = ?,
				    updated_at = ?, version = version + 1
				WHERE id = ? AND version = ?""")
			.params(details.name().strip(), blankToNull(details.description()), details.startDate(),
					details.endDate(), who.username(), utc(clock.instant()), id, seenVersion)
			.update();
		if (updated == 0) {
			throw new OptimisticLockingFailureException("campaign " + id + " changed since it was read");
		}
		jdbc.sql("DELETE FROM campaign_region WHERE campaign_id = ?").param(id).update();
		jdbc.sql("DELETE FROM campaign_category WHERE campaign_id = ?").param(id).update();
		insertTargetsAndCategories(id, targets, details.categoryIds(), current.templateId());
		auditLog.record(AuditAction.CAMPAIGN_UPDATED, "campaign", id, summary(details));
		return find(id).orElseThrow();
	}

	private static void requireOrganizer(StaffPrincipal who) {
		if (!who.hasAnyRole(Role.ADMIN, Role.DISPATCHER, Role.LEADER)) {
			throw new UserFacingException(HttpStatus.FORBIDDEN, "error.forbidden");
		}
	}

	private List<RegionView> check(CampaignDetails details) {
		String name = blankToNull(details.name());
		if (name == null) {
			throw new InvalidRequestException("campaign.name.required");
		}
		if (name.length() > MAX_NAME) {
			throw new InvalidRequestException("campaign.name.tooLong", MAX_NAME);
		}
		if (details.description() != null && details.description().strip().length() > MAX_DESCRIPTION) {
			throw new InvalidRequestException("campaign.description.tooLong", MAX_DESCRIPTION);
		}
		if (details.startDate() == null || details.endDate() == null) {
			throw new InvalidRequestException("campaign.period.required");
		}
		if (details.endDate().isBefore(details.startDate())) {
			throw new InvalidRequestException("campaign.period.endBeforeStart");
		}
		if (details.regionIds().isEmpty()) {
			throw new InvalidRequestException("campaign.regions.required");
		}
		if (details.categoryIds().isEmpty()) {
			throw new InvalidRequestException("campaign.categories.required");
		}
		Map<Long, CategoryView> catalog = catalog();
		for (long categoryId : details.categoryIds()) {
			CategoryView category = catalog.get(categoryId);
			if (category == null || !category.leaf()) {
				throw new InvalidRequestException("campaign.category.notLeaf");
			}
		}
		if (details.templateId() != null && template(details.templateId()).isEmpty()) {
			throw new InvalidRequestException("campaign.template.unknown");
		}
		return details.regionIds()
			.stream()
			.map(id -> regions.find(id).orElseThrow(() -> new InvalidRequestException("campaign.region.unknown")))
			.toList();
	}

	private long insert(CampaignDetails details, List<RegionView> targets, String createdBy) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO campaign (name, description, start_date, end_date, template_id, created_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(details.name().strip(), blankToNull(details.description()), details.startDate(),
					details.endDate(), details.templateId(), createdBy, utc(clock.instant()))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		insertTargetsAndCategories(id, targets, details.categoryIds(), details.templateId());
		return id;
	}

	/** Categories keep the focus item their template gives them, so the page can group them as the document does. */
	private void insertTargetsAndCategories(long id, List<RegionView> targets, List<Long> categoryIds,
			Long templateId) {
		for (RegionView target : targets) {
			jdbc.sql("INSERT INTO campaign_region (campaign_id, region_id, region_path) VALUES (?, ?, ?)")
				.params(id, target.id(), target.path())
				.update();
		}
		Map<Long, CampaignTemplate.Item> focus = new HashMap<>();
		if (templateId != null) {
			template(templateId).ifPresent(template -> template.items()
				.forEach(item -> focus.put(item.categoryId(), item)));
		}
		for (long categoryId : categoryIds) {
			CampaignTemplate.Item item = focus.get(categoryId);
			jdbc.sql("INSERT INTO campaign_category (campaign_id, category_id, focus, focus_order) VALUES (?, ?, ?, ?)")
				.params(id, categoryId, item == null ? null : item.focus(), item == null ? 99 : item.focusOrder())
				.update();
		}
	}

	private static String summary(CampaignDetails details) {
		return "name=" + details.name().strip() + " period=" + details.startDate() + "/" + details.endDate()
				+ " regions=" + details.regionIds() + " categories=" + details.categoryIds().size();
	}

	// ---- reading

	@Transactional(readOnly = true)
	public Optional<Campaign> find(long id) {
		return load("WHERE id = ?", id).stream().findFirst();
	}

	/** The campaign, if any part of it lies inside the person's scope; otherwise 404 and an audit entry. */
	@Transactional(readOnly = true)
	public Campaign get(long id, StaffPrincipal who) {
		Campaign campaign = find(id).orElseThrow(NotFoundException::new);
		if (!campaign.meets(who.scope())) {
			scopeGuard.requireCovers(who, campaign.targets().isEmpty() ? "" : campaign.targets().get(0).regionPath(),
					"campaign", id);
		}
		return campaign;
	}

	/** Campaigns reaching into the person's scope, latest start first. */
	@Transactional(readOnly = true)
	public List<Campaign> visible(StaffPrincipal who) {
		return load("ORDER BY start_date DESC, id DESC").stream()
			.filter(campaign -> campaign.meets(who.scope()))
			.toList();
	}

	/**
	 * Campaigns a duty log of that day may be linked to: running on the day and reaching into the person's scope;
	 * with a community, only those covering it.
	 */
	@Transactional(readOnly = true)
	public List<Campaign> linkable(LocalDate day, String communityPath, StaffPrincipal who) {
		if (day == null) {
			return List.of();
		}
		return load("WHERE start_date <= ? AND end_date >= ? ORDER BY start_date DESC, id DESC", day, day).stream()
			.filter(campaign -> campaign.meets(who.scope()))
			.filter(campaign -> communityPath == null || campaign.covers(communityPath))
			.toList();
	}

	/** Refuses to link a duty log to a campaign that is not running on its day or does not cover its community. */
	Campaign requireLinkable(long campaignId, LocalDate day, RegionView community) {
		Campaign campaign = find(campaignId).orElseThrow(() -> new InvalidRequestException("dutylog.campaign.unknown"));
		if (!campaign.runsOn(day)) {
			throw new InvalidRequestException("dutylog.campaign.notRunning", campaign.name(), day.toString(),
					campaign.startDate().toString(), campaign.endDate().toString());
		}
		if (!campaign.covers(community.path())) {
			throw new InvalidRequestException("dutylog.campaign.notCovering", campaign.name(), community.name());
		}
		return campaign;
	}

	private List<Campaign> load(String where, Object... params) {
		record Row(long id, String name, String description, LocalDate start, LocalDate end, Long templateId,
				String createdBy, Instant createdAt, long version) {
		}
		List<Row> rows = jdbc.sql("SELECT " + COLUMNS + " FROM campaign " + where)
			.params(params)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class),
					rs.getObject(6) == null ? null : rs.getLong(6), rs.getString(7), instant(rs, 8), rs.getLong(9)))
			.list();
		if (rows.isEmpty()) {
			return List.of();
		}
		List<Long> ids = rows.stream().map(Row::id).toList();
		Map<Long, List<Campaign.Target>> targets = new HashMap<>();
		Map<Long, String> regionNames = new HashMap<>();
		jdbc.sql("SELECT campaign_id, region_id, region_path FROM campaign_region WHERE campaign_id IN (:ids)"
				+ " ORDER BY region_path")
			.param("ids", ids)
			.query((rs, n) -> {
				long regionId = rs.getLong(2);
				return Map.entry(rs.getLong(1), new Campaign.Target(regionId, rs.getString(3),
						regionNames.computeIfAbsent(regionId,
								key -> regions.find(key).map(RegionView::name).orElse("#" + key))));
			})
			.list()
			.forEach(entry -> targets.computeIfAbsent(entry.getKey(), key -> new ArrayList<>()).add(entry.getValue()));
		Map<Long, CategoryView> catalog = catalog();
		Map<Long, List<Campaign.Focus>> focus = new HashMap<>();
		jdbc.sql("SELECT campaign_id, category_id, focus FROM campaign_category WHERE campaign_id IN (:ids)"
				+ " ORDER BY focus_order, category_id")
			.param("ids", ids)
			.query((rs, n) -> {
				CategoryView category = catalog.get(rs.getLong(2));
				return Map.entry(rs.getLong(1), new Campaign.Focus(rs.getLong(2),
						category == null ? null : category.code(), category == null ? null : category.name(),
						rs.getString(3)));
			})
			.list()
			.forEach(entry -> focus.computeIfAbsent(entry.getKey(), key -> new ArrayList<>()).add(entry.getValue()));
		return rows.stream()
			.map(row -> new Campaign(row.id(), row.name(), row.description(), row.start(), row.end(), row.templateId(),
					targets.getOrDefault(row.id(), List.of()), focus.getOrDefault(row.id(), List.of()),
					row.createdBy(), row.createdAt(), row.version()))
			.toList();
	}

	/** Every category by id, from one read of the tree. */
	private Map<Long, CategoryView> catalog() {
		Map<Long, CategoryView> all = new HashMap<>();
		List<CategoryNode> pending = new ArrayList<>(categories.tree());
		while (!pending.isEmpty()) {
			CategoryNode node = pending.remove(pending.size() - 1);
			all.put(node.category().id(), node.category());
			pending.addAll(node.children());
		}
		return all;
	}

	// ---- progress

	/** The campaign's figures inside the person's scope, overall and per target region. */
	@Transactional(readOnly = true)
	public CampaignProgress progress(Campaign campaign, StaffPrincipal who) {
		Map<Campaign.Target, String> parts = parts(campaign, who);
		List<CaseTally> tallies = caseQueries.tally(selection(campaign, parts, COUNTED), who);
		List<Patrol> patrols = jdbc.sql("""
				SELECT region_path, start_time, end_time, finding_report_id FROM duty_log
				WHERE campaign_id = ? AND region_path LIKE ?""")
			.params(campaign.id(), who.scope().pathPattern())
			.query((rs, n) -> new Patrol(rs.getString(1), rs.getObject(2, LocalTime.class),
					rs.getObject(3, LocalTime.class), rs.getObject(4) != null))
			.list();
		List<CampaignProgress.RegionFigures> perRegion = new ArrayList<>();
		parts.forEach((target, path) -> perRegion.add(new CampaignProgress.RegionFigures(target,
				!path.equals(target.regionPath()), figures(tallies, patrols, List.of(path)))));
		// every linked patrol in scope counts overall, even one outside the targets (they may have changed since)
		CampaignProgress.Figures overall = figures(tallies, List.of(), List.copyOf(parts.values()));
		for (Patrol patrol : patrols) {
			overall = overall.plusPatrol(patrol.minutes(), patrol.findingAsCase());
		}
		return new CampaignProgress(overall, perRegion);
	}

	private record Patrol(String regionPath, LocalTime start, LocalTime end, boolean findingAsCase) {

		int minutes() {
			return (int) java.time.Duration.between(start, end).toMinutes();
		}

	}

	private static CampaignProgress.Figures figures(List<CaseTally> tallies, List<Patrol> patrols, List<String> paths) {
		CampaignProgress.Figures figures = CampaignProgress.Figures.NONE;
		for (CaseTally tally : tallies) {
			if (under(tally.regionPath(), paths)) {
				figures = figures.plusCases(tally.cases(), CLOSED.contains(tally.state()) ? tally.cases() : 0,
						tally.overdue());
			}
		}
		for (Patrol patrol : patrols) {
			if (under(patrol.regionPath(), paths)) {
				figures = figures.plusPatrol(patrol.minutes(), patrol.findingAsCase());
			}
		}
		return figures;
	}

	private static boolean under(String regionPath, List<String> paths) {
		return paths.stream().anyMatch(regionPath::startsWith);
	}

	/** The campaign's cases inside the person's scope, newest first: at most {@code limit} and one more. */
	@Transactional(readOnly = true)
	public List<CaseRow> cases(Campaign campaign, int limit, StaffPrincipal who) {
		return caseQueries.list(selection(campaign, parts(campaign, who), COUNTED), limit, who);
	}

	/** The linked duty logs inside the person's scope, latest first. */
	@Transactional(readOnly = true)
	public List<LinkedPatrol> patrols(Campaign campaign, StaffPrincipal who) {
		Map<Long, String> communityNames = new HashMap<>();
		return jdbc.sql("""
				SELECT id, log_date, start_time, end_time, community_id, what_was_done, created_by, finding_report_id
				FROM duty_log WHERE campaign_id = ? AND region_path LIKE ?
				ORDER BY log_date DESC, start_time DESC, id DESC""")
			.params(campaign.id(), who.scope().pathPattern())
			.query((rs, n) -> new LinkedPatrol(rs.getLong(1), rs.getObject(2, LocalDate.class),
					rs.getObject(3, LocalTime.class), rs.getObject(4, LocalTime.class),
					communityNames.computeIfAbsent(rs.getLong(5),
							id -> regions.find(id).map(RegionView::name).orElse("#" + id)),
					rs.getString(6), rs.getString(7), rs.getObject(8) == null ? null : rs.getLong(8)))
			.list();
	}

	/** Each target's part inside the scope, targets that miss the scope left out. */
	private static Map<Campaign.Target, String> parts(Campaign campaign, StaffPrincipal who) {
		Map<Campaign.Target, String> parts = new LinkedHashMap<>();
		for (Campaign.Target target : campaign.targets()) {
			String path = target.pathWithin(who.scope());
			if (path != null) {
				parts.put(target, path);
			}
		}
		return parts;
	}

	private static CaseSelection selection(Campaign campaign, Map<Campaign.Target, String> parts,
			Set<CaseState> states) {
		return new CaseSelection(new LinkedHashSet<>(campaign.categoryIds()), List.copyOf(parts.values()),
				campaign.startDate(), campaign.endDate(), states);
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
