package chengguan.organization;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import chengguan.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo profile (the default) loads the nine communities of 附件3 under 枣庄市 → 枣庄高新区. */
@IntegrationTest
class DemoDataTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void nineCommunitiesUnderThreeStreetsOfTheHighTechZone() {
		// other tests add regions of their own (with codes of their own) to the same database
		List<String> lineage = jdbc.sql("""
				SELECT c.name || '<' || s.name || '<' || d.name || '<' || city.name
				FROM region c JOIN region s ON s.id = c.parent_id JOIN region d ON d.id = s.parent_id
				JOIN region city ON city.id = d.parent_id
				WHERE c.region_level = 'COMMUNITY' AND c.code LIKE '370471%' ORDER BY c.code""").query(String.class).list();
		assertThat(lineage).startsWith("德仁社区<兴仁街道<枣庄高新区<枣庄市")
			.contains("兴城花园社区<兴城街道<枣庄高新区<枣庄市", "欣兴社区<张范街道<枣庄高新区<枣庄市")
			.filteredOn(line -> line.endsWith("<枣庄高新区<枣庄市"))
			.hasSize(9);
	}

	@Test
	void noRealPersonFromTheSeedIsInTheDemoData() {
		// a sample of the seed's real names and numbers: none of them may appear
		List<String> seedPeople = List.of("许丽", "丁春蕾", "15966729403", "13563201226", "孙景梁", "19863262578");
		Integer found = jdbc.sql("SELECT COUNT(*) FROM staff WHERE name IN (?, ?) OR phone IN (?, ?) OR name = ? OR phone = ?")
			.params(seedPeople.get(0), seedPeople.get(1), seedPeople.get(2), seedPeople.get(3), seedPeople.get(4),
					seedPeople.get(5))
			.query(Integer.class)
			.single();
		assertThat(found).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM staff WHERE phone NOT LIKE '1380000%'").query(Integer.class).single())
			.isZero();
	}

}
