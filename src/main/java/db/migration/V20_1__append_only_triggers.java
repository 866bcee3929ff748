package db.migration;

import java.sql.Statement;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Makes case_history and audit_event append-only in the database itself, whatever the application does: a plpgsql
 * trigger on PostgreSQL (also refusing TRUNCATE), a Java trigger on H2. Only a superuser who disables the trigger
 * can change a row, and the keyed chain and the anchors show it.
 */
public class V20_1__append_only_triggers extends BaseJavaMigration {

	static final List<String> TABLES = List.of("case_history", "audit_event");

	@Override
	public void migrate(Context context) throws Exception {
		String product = context.getConnection().getMetaData().getDatabaseProductName();
		try (Statement sql = context.getConnection().createStatement()) {
			if (product.toLowerCase().contains("postgres")) {
				sql.execute("""
						CREATE OR REPLACE FUNCTION refuse_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
						BEGIN
						    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
						        USING ERRCODE = 'insufficient_privilege';
						END
						$$""");
				for (String table : TABLES) {
					sql.execute("CREATE TRIGGER " + table + "_append_only BEFORE UPDATE OR DELETE ON " + table
							+ " FOR EACH ROW EXECUTE FUNCTION refuse_history_change()");
					sql.execute("CREATE TRIGGER " + table + "_no_truncate BEFORE TRUNCATE ON " + table
							+ " FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change()");
				}
			}
			else if (product.toLowerCase().contains("h2")) {
				for (String table : TABLES) {
					sql.execute("CREATE TRIGGER " + table + "_append_only BEFORE UPDATE, DELETE ON " + table
							+ " FOR EACH ROW CALL 'chengguan.platform.history.AppendOnlyTrigger'");
				}
			}
			else {
				throw new IllegalStateException("No append-only trigger for " + product);
			}
		}
	}

}
