package chengguan.support;

import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A database of a test's own, for contexts that must start empty: a fresh in-memory H2 database, or, when the
 * suite runs on PostgreSQL (SPRING_DATASOURCE_URL set), a fresh schema in that database.
 */
public final class IsolatedDatabase {

	private IsolatedDatabase() {
	}

	/** @return the PostgreSQL schema to drop afterwards, or null on H2 */
	public static String register(DynamicPropertyRegistry registry, String name) {
		String shared = System.getenv("SPRING_DATASOURCE_URL");
		String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		if (shared != null && shared.startsWith("jdbc:postgresql:")) {
			String schema = name + "_" + suffix;
			registry.add("spring.datasource.url",
					() -> shared + (shared.contains("?") ? "&" : "?") + "currentSchema=" + schema);
			registry.add("spring.flyway.schemas", () -> schema);
			return schema;
		}
		registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + name + suffix
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
		return null;
	}

}
