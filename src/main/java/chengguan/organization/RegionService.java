package chengguan.organization;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import chengguan.platform.audit.AuditAction;
import chengguan.platform.audit.AuditLog;
import chengguan.platform.security.DataScope;
import chengguan.platform.security.ScopeGuard;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.web.ConflictException;
import chengguan.platform.web.NotFoundException;

/** The region tree: reads for every module, edits for administrators within their scope. */
@Service
public class RegionService {

	private static final Comparator<RegionView> SIBLING_ORDER = Comparator.comparingInt(RegionView::sortOrder)
		.thenComparingLong(RegionView::id);

	private final RegionRepository regions;

	private final ScopeGuard scopeGuard;

	private final AuditLog auditLog;

	private final RegionCache cache;

	RegionService(RegionRepository regions, ScopeGuard scopeGuard, AuditLog auditLog, RegionCache cache) {
		this.regions = regions;
		this.scopeGuard = scopeGuard;
		this.auditLog = auditLog;
		this.cache = cache;
	}

	@Transactional(readOnly = true)
	public Optional<RegionView> find(long id) {
		return regions.findById(id).map(Region::view);
	}

	@Transactional(readOnly = true)
	public Optional<RegionView> findByCode(String code) {
		return regions.findByCode(code).map(Region::view);
	}

	/** The region, if it lies inside the person's scope; otherwise 404 and an audit entry. */
	@Transactional(readOnly = true)
	public RegionView get(long id, StaffPrincipal who) {
		RegionView region = find(id).orElseThrow(NotFoundException::new);
		scopeGuard.requireCovers(who, region.path(), "region", id);
		return region;
	}

	/** The scope's subtree as nested nodes, siblings in their configured order. */
	@Transactional(readOnly = true)
	public RegionNode tree(DataScope scope) {
		List<RegionView> all = regions.findByPathStartingWithOrderByPath(scope.homeRegionPath())
			.stream()
			.map(Region::view)
			.toList();
		Map<Long, List<RegionView>> byParent = new HashMap<>();
		for (RegionView region : all) {
			byParent.computeIfAbsent(region.parentId(), key -> new ArrayList<>()).add(region);
		}
		RegionView top = all.stream()
			.filter(region -> region.id() == scope.homeRegionId())
			.findFirst()
			.orElseThrow(NotFoundException::new);
		return node(top, byParent);
	}

	private static RegionNode node(RegionView region, Map<Long, List<RegionView>> byParent) {
		List<RegionNode> children = byParent.getOrDefault(region.id(), List.of())
			.stream()
			.sorted(SIBLING_ORDER)
			.map(child -> node(child, byParent))
			.toList();
		return new RegionNode(region, children);
	}

	/** Communities inside the scope, in tree order. */
	@Transactional(readOnly = true)
	public List<RegionView> communities(DataScope scope) {
		return regions.findByLevelAndPathStartingWith(RegionLevel.COMMUNITY, scope.homeRegionPath())
			.stream()
			.map(Region::view)
			.sorted(Comparator.comparing(RegionView::path))
			.toList();
	}

	/** Every community of the platform, in tree order, with its street's name (public: printed on QR cards). */
	@Transactional(readOnly = true)
	public List<PublicCommunity> allCommunities() {
		Map<Long, String> streetNames = new HashMap<>();
		regions.findByLevelAndPathStartingWith(RegionLevel.STREET, "/").forEach(s -> streetNames.put(s.id(), s.name()));
		return regions.findByLevelAndPathStartingWith(RegionLevel.COMMUNITY, "/")
			.stream()
			.map(Region::view)
			.sorted(Comparator.comparing(RegionView::path))
			.map(c -> new PublicCommunity(c.code(), c.name(), streetNames.get(c.parentId())))
			.toList();
	}

	/** Every region inside the scope, in path order (for choosing one in a form). */
	@Transactional(readOnly = true)
	public List<RegionView> within(DataScope scope) {
		return regions.findByPathStartingWithOrderByPath(scope.homeRegionPath()).stream().map(Region::view).toList();
	}

	/** From the root down to the region itself, for breadcrumbs. */
	@Transactional(readOnly = true)
	public List<RegionView> lineage(RegionView region) {
		List<Long> ids = Arrays.stream(region.path().split("/")).filter(s -> !s.isEmpty()).map(Long::valueOf).toList();
		Map<Long, RegionView> found = new HashMap<>();
		regions.findAllById(ids).forEach(r -> found.put(r.id(), r.view()));
		return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
	}

	@Transactional
	public RegionView createChild(long parentId, RegionLevel level, RegionDetails details, StaffPrincipal who) {
		Region parent = regions.findById(parentId).orElseThrow(NotFoundException::new);
		scopeGuard.requireCovers(who, parent.path(), "region", parentId);
		RegionView child = insertChild(parent, level, details);
		auditLog.record(AuditAction.REGION_CREATED, "region", child.id(),
				"parent=" + parentId + " level=" + level + " code=" + details.code() + " name=" + details.name());
		return child;
	}

	/** For set-up and demo data, which run before anyone signs in. */
	@Transactional
	public RegionView createChildUnchecked(RegionView parent, RegionLevel level, RegionDetails details) {
		return insertChild(regions.findById(parent.id()).orElseThrow(NotFoundException::new), level, details);
	}

	private RegionView insertChild(Region parent, RegionLevel level, RegionDetails details) {
		requireFreeCode(details.code(), null);
		cache.forget();
		Region child = regions.save(parent.newChild(level, details));
		child.placeUnder(parent.path());
		return regions.save(child).view();
	}

	/** A new root (a city); only the platform's set-up and demo data make one. */
	@Transactional
	public RegionView createRoot(RegionLevel level, RegionDetails details) {
		requireFreeCode(details.code(), null);
		cache.forget();
		Region root = regions.save(Region.root(level, details));
		root.placeUnder(null);
		return regions.save(root).view();
	}

	@Transactional
	public RegionView update(long id, long seenVersion, RegionDetails details, StaffPrincipal who) {
		Region region = regions.findById(id).orElseThrow(NotFoundException::new);
		scopeGuard.requireCovers(who, region.path(), "region", id);
		if (region.version() != seenVersion) {
			throw new OptimisticLockingFailureException("region " + id + " changed since it was read");
		}
		requireFreeCode(details.code(), id);
		String before = region.view().name();
		region.apply(details);
		cache.forget();
		Region saved = regions.save(region);
		auditLog.record(AuditAction.REGION_UPDATED, "region", id,
				"name=" + before + "→" + details.name() + " code=" + details.code());
		return saved.view();
	}

	@Transactional
	public void delete(long id, StaffPrincipal who) {
		Region region = regions.findById(id).orElseThrow(NotFoundException::new);
		scopeGuard.requireCovers(who, region.path(), "region", id);
		if (region.id() == who.scope().homeRegionId()) {
			throw new ConflictException("region.cannotDeleteHome");
		}
		if (regions.existsByParentId(id)) {
			throw new ConflictException("region.hasChildren");
		}
		regions.delete(region);
		cache.forget();
		auditLog.record(AuditAction.REGION_DELETED, "region", id, "name=" + region.name());
	}

	private void requireFreeCode(String code, Long ownId) {
		regions.findByCode(code).filter(existing -> !existing.id().equals(ownId)).ifPresent(existing -> {
			throw new ConflictException("region.codeTaken", code);
		});
	}

}
