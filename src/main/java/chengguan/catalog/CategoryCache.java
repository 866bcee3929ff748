package chengguan.catalog;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import chengguan.platform.persistence.ReferenceCache;
import chengguan.platform.persistence.ReferenceCacheProperties;

/**
 * Categories as every new report looks them up (by code from the resident, by id for the case's time limits),
 * without a database read per report. No transaction here on purpose: a hit costs no connection.
 */
@Component
public class CategoryCache {

	private static final int MAX_ENTRIES = 10_000;

	private final CategoryRepository categories;

	private final ReferenceCache<String, Optional<CategoryView>> byCode;

	private final ReferenceCache<Long, Optional<CategoryView>> byId;

	private final JdbcClient jdbc;

	CategoryCache(CategoryRepository categories, ReferenceCacheProperties settings, JdbcClient jdbc) {
		this.categories = categories;
		this.jdbc = jdbc;
		this.byCode = new ReferenceCache<>(settings.ttl(), MAX_ENTRIES);
		this.byId = new ReferenceCache<>(settings.ttl(), MAX_ENTRIES);
	}

	public Optional<CategoryView> findByCode(String code) {
		return byCode.get(code, key -> categories.findByCode(key).map(Category::view));
	}

	public Optional<CategoryView> find(long id) {
		return byId.get(id, key -> categories.findById(key).map(Category::view));
	}

	/**
	 * Every node, every second (no ShedLock): an edit on another node changes the row count or a version, and this
	 * node forgets what it holds. Runs with the other scheduled jobs; without them the entries expire by age.
	 */
	@Scheduled(fixedDelayString = "${chengguan.reference-cache.check-interval:PT1S}", initialDelayString = "PT5S")
	void forgetAfterEditsElsewhere() {
		String fingerprint = jdbc.sql("SELECT COUNT(*), COALESCE(SUM(version), 0) FROM category")
			.query((rs, n) -> rs.getLong(1) + ":" + rs.getLong(2))
			.single();
		byCode.forgetIfChanged(fingerprint);
		byId.forgetIfChanged(fingerprint);
	}

	/** After an edit on this node; other nodes see it when their entries expire. */
	void forget() {
		byCode.clear();
		byId.clear();
	}

}
