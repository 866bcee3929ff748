package chengguan.organization;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.stereotype.Component;

import chengguan.platform.persistence.ReferenceCache;
import chengguan.platform.persistence.ReferenceCacheProperties;

/**
 * Regions as every new report looks them up (the code in its URL, the community and street above it), without a
 * database read per report. No transaction here on purpose: a hit costs no connection.
 */
@Component
public class RegionCache {

	private static final int MAX_ENTRIES = 50_000;

	private final RegionRepository regions;

	private final ReferenceCache<String, Optional<RegionView>> byCode;

	private final ReferenceCache<String, List<RegionView>> lineageByPath;

	RegionCache(RegionRepository regions, ReferenceCacheProperties settings) {
		this.regions = regions;
		this.byCode = new ReferenceCache<>(settings.ttl(), MAX_ENTRIES);
		this.lineageByPath = new ReferenceCache<>(settings.ttl(), MAX_ENTRIES);
	}

	public Optional<RegionView> findByCode(String code) {
		return byCode.get(code, key -> regions.findByCode(key).map(Region::view));
	}

	/** From the root down to the region itself, as {@link RegionService#lineage} gives it. */
	public List<RegionView> lineage(RegionView region) {
		return lineageByPath.get(region.path(), path -> {
			List<Long> ids = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).map(Long::valueOf).toList();
			Map<Long, RegionView> found = new HashMap<>();
			regions.findAllById(ids).forEach(r -> found.put(r.id(), r.view()));
			return ids.stream().map(found::get).filter(Objects::nonNull).toList();
		});
	}

	/** After an edit on this node; other nodes see it when their entries expire. */
	void forget() {
		byCode.clear();
		lineageByPath.clear();
	}

}
