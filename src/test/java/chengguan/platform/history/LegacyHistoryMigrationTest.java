package chengguan.platform.history;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import chengguan.platform.keys.KeyProperties;
import chengguan.platform.keys.KeyStore;
import chengguan.support.Tamper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upgrading a database that already has history: the rows stay exactly as they were (no rehash), V20.2 anchors them,
 * and rewriting them afterwards is found against that anchor.
 */
class LegacyHistoryMigrationTest {

	@TempDir
	Path dir;

	@Test
	void rowsFromBeforeTheKeyAreKeptAsTheyWereAnchoredByTheMigrationAndTheirRewriteIsFound() throws Exception {
		DataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:legacy" + UUID.randomUUID().toString().substring(0, 8)
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
		JdbcClient jdbc = JdbcClient.create(dataSource);
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
			.target(MigrationVersion.fromVersion("18")).load().migrate();
		for (int i = 1; i <= 3; i++) {
			jdbc.sql("INSERT INTO audit_event (occurred_at, actor, action, detail) VALUES (CURRENT_TIMESTAMP, 'admin', 'USER_UPDATED', ?)")
				.param("legacy " + i).update();
		}

		HistoryProperties properties = new HistoryProperties(null, dir.resolve("anchors.log"), Duration.ZERO, null);
		ChainMac mac = new ChainMac(new KeyStore(new KeyProperties(dir.resolve("keys.properties"), true, null),
				Clock.systemUTC()), properties);
		HistoryAnchors anchors = new HistoryAnchors(List.of(
				new AnchoredTable("case_history", "case", "case_id", List.of("hash"), "mac_alg <> 'SHA-256'"),
				new AnchoredTable("audit_event", "audit", null, List.of("mac", "occurred_at", "actor", "client_ip",
						"action", "target_type", "target_id", "detail"), "mac IS NOT NULL")),
				mac, properties, Clock.systemUTC());
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
			.javaMigrations(new LegacyAnchorMigration(anchors)).load().migrate();

		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE mac IS NULL AND detail LIKE 'legacy %'")
			.query(Integer.class).single()).isEqualTo(3);
		assertThat(Files.readAllLines(dir.resolve("anchors.log"))).singleElement()
			.satisfies(line -> assertThat(line).contains(" audit_event:3:3:").contains(":4 "));
		assertThat(anchors.firstKeyedId("audit_event")).isEqualTo(4);
		assertThat(anchors.verify(jdbc).tables()).allSatisfy(t -> assertThat(t.intact()).isTrue());

		Tamper.asSuperuser(dataSource, "audit_event", "UPDATE audit_event SET detail = 'rewritten' WHERE id = 2");

		HistoryAnchors.TableCheck audit = anchors.verify(jdbc).tables().stream()
			.filter(t -> t.table().equals("audit_event")).findFirst().orElseThrow();
		assertThat(audit.breaks()).singleElement().satisfies(b -> {
			assertThat(b.afterId()).isZero();
			assertThat(b.upToId()).isEqualTo(3);
			assertThat(b.problem()).contains("被改写");
		});
	}

}
