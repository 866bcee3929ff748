package chengguan.organization;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
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

	private final JdbcClient jdbc;

	RegionCache(RegionRepository regions, ReferenceCacheProperties settings, JdbcClient jdbc) {
		this.regions = regions;
		this.jdbc = jdbc;
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

	/**
	 * Every node, every second (no ShedLock): an edit on another node changes the row count or a version, and this
	 * node forgets what it holds. Runs with the other scheduled jobs; without them the entries expire by age.
	 */
	@Scheduled(fixedDelayString = "${chengguan.reference-cache.check-interval:PT1S}", initialDelayString = "PT5S")
	void forgetAfterEditsElsewhere() {
		String fingerprint = jdbc.sql("SELECT COUNT(*), COALESCE(SUM(version), 0) FROM region")
			.query((rs, n) -> rs.getLong(1) + ":" + rs.getLong(2))
			.single();
		byCode.forgetIfChanged(fingerprint);
		lineageByPath.forgetIfChanged(fingerprint);
	}

	/** After an edit on this node; other nodes see it when their entries expire. */
	void forget() {
		byCode.clear();
		lineageByPath.clear();
	}

}
