package chengguan;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import chengguan.account.demo.DemoAccounts;
import chengguan.organization.demo.DemoOrganizationData;
import chengguan.support.IsolatedDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** A deployment profile (here "production") migrates the schema but never loads demo data. */
@SpringBootTest
@ActiveProfiles("production")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WithoutDemoProfileTest {

	private static String schema;

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		schema = IsolatedDatabase.register(registry, "nodemo");
	}

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Test
	void noDemoLoaderRunsAndTheTablesStayEmpty() {
		assertThat(context.getBeansOfType(DemoOrganizationData.class)).isEmpty();
		assertThat(context.getBeansOfType(DemoAccounts.class)).isEmpty();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM region").query(Integer.class).single()).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM user_account").query(Integer.class).single()).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM report").query(Integer.class).single()).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM flyway_schema_history WHERE success = TRUE")
			.query(Integer.class)
			.single()).isGreaterThanOrEqualTo(3);
	}

	@AfterAll
	void dropOwnSchema() {
		if (schema != null) {
			jdbc.sql("DROP SCHEMA " + schema + " CASCADE").update();
		}
	}

}
