package chengguan.platform.history;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * V20.2: anchors the rows written before the key existed, exactly as they are (rehashing them would be rewriting
 * history), and records from which row on every row must be sealed with the key. A Spring bean (Flyway takes
 * {@link JavaMigration} beans), because it needs the key and the anchor file; it lives outside db/migration so that
 * Flyway does not also find it there.
 */
@Component
class LegacyAnchorMigration implements JavaMigration {

	private final HistoryAnchors anchors;

	LegacyAnchorMigration(HistoryAnchors anchors) {
		this.anchors = anchors;
	}

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("20.2");
	}

	@Override
	public String getDescription() {
		return "anchor legacy history";
	}

	@Override
	public Integer getChecksum() {
		return null;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) {
		JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(context.getConnection(), true));
		// nothing else writes during a migration: every row so far is settled
		anchors.append(jdbc, java.time.Duration.ZERO);
	}

}
