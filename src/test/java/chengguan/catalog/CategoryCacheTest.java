package chengguan.catalog;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import chengguan.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Another node's edit reaches this node's cache through the fingerprint check (row count and sum of versions),
 * without an edit on this node to forget it.
 */
@IntegrationTest
class CategoryCacheTest {

	@Autowired
	CategoryCache cache;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anEditMadeElsewhereIsSeenAfterTheNextFingerprintCheck() {
		long id = jdbc.sql("SELECT id FROM category WHERE code = 'E0103'").query(Long.class).single();
		String name = cache.find(id).orElseThrow().name();
		cache.forgetAfterEditsElsewhere(); // the fingerprint as it is now
		// what another node's edit leaves behind: the row changed and its version went up
		jdbc.sql("UPDATE category SET name = '改名测试', version = version + 1 WHERE id = ?").param(id).update();
		try {
			assertThat(cache.find(id).orElseThrow().name()).isEqualTo(name); // still the cached row
			cache.forgetAfterEditsElsewhere();
			assertThat(cache.find(id).orElseThrow().name()).isEqualTo("改名测试");
			assertThat(cache.findByCode("E0103").orElseThrow().name()).isEqualTo("改名测试");
		}
		finally {
			jdbc.sql("UPDATE category SET name = ?, version = version + 1 WHERE id = ?").params(name, id).update();
			cache.forgetAfterEditsElsewhere();
		}
	}

}
