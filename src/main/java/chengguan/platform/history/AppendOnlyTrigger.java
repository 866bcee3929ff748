package chengguan.platform.history;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * H2's counterpart of the PostgreSQL trigger function {@code refuse_history_change}: refuses UPDATE and DELETE on
 * the append-only tables (created by V20.1).
 */
public class AppendOnlyTrigger implements Trigger {

	private String table;

	@Override
	public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type) {
		this.table = tableName;
	}

	@Override
	public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
		throw new SQLException(table + " is append-only: UPDATE and DELETE are refused", "42501");
	}

}
