package chengguan.support;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * For test classes that add streets and communities of their own: they share a database (with the demo data)
 * apart from the main one, so the tests that check the demo's nine communities, the 附件3 table and the public
 * community list are not thrown by extra regions. The schema goes with CI's database on PostgreSQL.
 */
@IntegrationTest
public abstract class OwnRegionsTest {

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		IsolatedDatabase.register(registry, "own_regions");
	}

}
