package chengguan.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * Changes append-only tables the way a database superuser could: past the triggers that refuse UPDATE and DELETE
 * (on PostgreSQL with {@code session_replication_role = replica}, on H2 by dropping and recreating the trigger).
 */
public final class Tamper {

	private Tamper() {
	}

	/** Runs one statement on the table with its append-only trigger out of the way; returns the rows changed. */
	public static int asSuperuser(DataSource dataSource, String table, String sql, Object... params) {
		try (Connection connection = dataSource.getConnection()) {
			boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
			try (Statement statement = connection.createStatement()) {
				if (postgres) {
					statement.execute("SET session_replication_role = replica");
				}
				else {
					statement.execute("DROP TRIGGER " + table + "_append_only");
				}
			}
			try (PreparedStatement statement = connection.prepareStatement(sql)) {
				for (int i = 0; i < params.length; i++) {
					statement.setObject(i + 1, params[i]);
				}
				return statement.executeUpdate();
			}
			finally {
				try (Statement statement = connection.createStatement()) {
					if (postgres) {
						statement.execute("SET session_replication_role = DEFAULT");
					}
					else {
						statement.execute("CREATE TRIGGER " + table + "_append_only BEFORE UPDATE, DELETE ON " + table
								+ " FOR EACH ROW CALL 'chengguan.platform.history.AppendOnlyTrigger'");
					}
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
