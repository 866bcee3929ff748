package chengguan.intake;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import chengguan.catalog.CategoryCache;
import chengguan.catalog.CategoryRules;
import chengguan.catalog.CategoryService;
import chengguan.catalog.CategoryView;
import chengguan.support.IntegrationTest;
import chengguan.support.SqlStatementCounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One report without photos is one transaction of at most 8 statements (issue 17), through the API and the
 * resident form, even when it finds a duplicate; the caches that make it so follow an admin's edit at once; the
 * duplicate check reads only the neighbouring grid cells and keeps a few candidates.
 */
@IntegrationTest
class IntakeBudgetTest {

	/** 欣兴社区 of 张范街道. */
	static final String XINXING = "370471003009";

	/** A leaf only this class reports against, so no other test's report is a candidate here. */
	static final String CATEGORY = "E0307";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SqlStatementCounter counter;

	@Autowired
	CategoryService categories;

	@Autowired
	CategoryCache categoryCache;

	private static String body(String category, String lat, String lng, String phone) {
		return """
				{"communityCode": "%s", "categoryCode": "%s", "kind": "COMPLAINT",
				 "description": "路边垃圾没人清理", "lat": %s, "lng": %s, "accuracy": 15,
				 "address": "欣兴社区北门", "phone": "%s", "idempotencyKey": "%s"}"""
			.formatted(XINXING, category, lat, lng, phone, UUID.randomUUID());
	}

	private String apiReport(String category, String lat, String lng, String phone) throws Exception {
		return mvc.perform(post("/api/v1/reports").contentType(MediaType.APPLICATION_JSON)
			.content(body(category, lat, lng, phone)).with(ResidentReportingTest.fromNewAddress()))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getHeader("Location").replaceAll(".*/", "");
	}

	private int candidatesOf(String trackingCode) {
		return jdbc.sql("SELECT duplicate_candidates FROM report WHERE tracking_code = ?").param(trackingCode)
			.query(Integer.class).single();
	}

	@Test
	void aReportThroughTheApiIsOneTransactionOfAtMostEightStatementsEvenWithADuplicate() throws Exception {
		String first = apiReport(CATEGORY, "34.861000", "117.421000", "13700000201");

		counter.reset();
		String second = apiReport(CATEGORY, "34.861100", "117.421000", "13700000202"); // about 11 m away
		SqlStatementCounter.Count count = counter.count();

		assertThat(count.transactions()).as(count.toString()).isEqualTo(1);
		assertThat(count.statements()).as(count.toString()).isLessThanOrEqualTo(8);
		assertThat(candidatesOf(second)).isEqualTo(1);
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM report_duplicate d JOIN report r ON r.id = d.report_id JOIN report c ON c.id = d.candidate_id
				WHERE r.tracking_code = ? AND c.tracking_code = ? AND d.distance_m = 11""")
			.params(second, first).query(Integer.class).single()).isEqualTo(1);
		// the case came with the report, in the same transaction
		assertThat(jdbc.sql("SELECT COUNT(*) FROM case_file WHERE tracking_code = ?").param(second).query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aReportThroughTheResidentFormIsOneTransactionOfAtMostEightStatements() throws Exception {
		RequestPostProcessor address = ResidentReportingTest.fromNewAddress();
		submitForm(address);

		counter.reset();
		submitForm(address);
		SqlStatementCounter.Count count = counter.count();

		assertThat(count.transactions()).as(count.toString()).isEqualTo(1);
		assertThat(count.statements()).as(count.toString()).isLessThanOrEqualTo(8);
	}

	private void submitForm(RequestPostProcessor address) throws Exception {
		mvc.perform(multipart("/r/" + XINXING).param("categoryCode", CATEGORY).param("kind", "COMPLAINT")
			.param("description", "楼下垃圾桶满了").param("latitude", "34.870000").param("longitude", "117.430000")
			.param("idempotencyKey", UUID.randomUUID().toString())
			.with(address).with(csrf()))
			.andExpect(status().is3xxRedirection());
	}

	@Test
	void aCandidateAcrossAGridCellBoundaryIsFoundAndAFarOneIsNot() throws Exception {
		// 34.880999 and 34.881001 lie in different 0.001° rows; 117.439999 and 117.440001 in different columns
		String first = apiReport(CATEGORY, "34.880999", "117.439999", "13700000211");
		String across = apiReport(CATEGORY, "34.881001", "117.440001", "13700000212");
		String far = apiReport(CATEGORY, "34.882500", "117.440001", "13700000213"); // about 167 m north
		assertThat(candidatesOf(first)).isZero();
		assertThat(candidatesOf(across)).isEqualTo(1);
		assertThat(candidatesOf(far)).isZero();
		assertThat(jdbc.sql("SELECT geo_cell FROM report WHERE tracking_code = ?").param(across).query(Long.class)
			.single()).isEqualTo(34881L * 1_000_000 + 58720);
	}

	@Test
	void aCrowdedSpotKeepsOnlyTheNewestFewCandidates() throws Exception {
		for (int i = 0; i < DuplicateFinder.MAX_CANDIDATES + 2; i++) {
			apiReport(CATEGORY, "34.890000", "117.450000", "1370000022" + i);
		}
		String next = apiReport(CATEGORY, "34.890010", "117.450000", "13700000229");
		assertThat(candidatesOf(next)).isEqualTo(DuplicateFinder.MAX_CANDIDATES);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM report_duplicate d JOIN report r ON r.id = d.report_id WHERE r.tracking_code = ?")
			.param(next).query(Integer.class).single()).isEqualTo(DuplicateFinder.MAX_CANDIDATES);
	}

	@Test
	void anAdminsCategoryEditIsSeenByTheNextReport() throws Exception {
		CategoryView leaf = categories.findByCode(CATEGORY).orElseThrow();
		apiReport(CATEGORY, "34.900000", "117.460000", "13700000231"); // the caches now hold the category
		CategoryRules rules = new CategoryRules(leaf.responsibleDepartment(), leaf.handlingMode(),
				leaf.acceptMinutes() + 7, leaf.handleMinutes(), leaf.limitBasis(), leaf.legalBasis(), leaf.icon(), true);
		CategoryView edited = categories.update(leaf.id(), leaf.version(), leaf.name(), leaf.sortOrder(), rules);
		try {
			assertThat(categoryCache.find(leaf.id()).orElseThrow().acceptMinutes()).isEqualTo(leaf.acceptMinutes() + 7);
			String code = apiReport(CATEGORY, "34.910000", "117.470000", "13700000232");
			record Times(OffsetDateTime created, OffsetDateTime due) {
			}
			Times times = jdbc.sql("SELECT created_at, accept_due_at FROM case_file WHERE tracking_code = ?").param(code)
				.query((rs, n) -> new Times(rs.getObject(1, OffsetDateTime.class), rs.getObject(2, OffsetDateTime.class)))
				.single();
			if (leaf.limitBasis() != chengguan.catalog.LimitBasis.WORKING) {
				assertThat(Duration.between(times.created(), times.due()))
					.isEqualTo(Duration.ofMinutes(leaf.acceptMinutes() + 7));
			}

			CategoryRules inactive = new CategoryRules(rules.responsibleDepartment(), rules.handlingMode(),
					rules.acceptMinutes(), rules.handleMinutes(), rules.limitBasis(), rules.legalBasis(), rules.icon(),
					false);
			edited = categories.update(leaf.id(), edited.version(), leaf.name(), leaf.sortOrder(), inactive);
			mvc.perform(post("/api/v1/reports").contentType(MediaType.APPLICATION_JSON)
				.content(body(CATEGORY, "34.920000", "117.480000", "13700000233"))
				.with(ResidentReportingTest.fromNewAddress()))
				.andExpect(status().isBadRequest());
		}
		finally {
			categories.update(leaf.id(), edited.version(), leaf.name(), leaf.sortOrder(),
					new CategoryRules(leaf.responsibleDepartment(), leaf.handlingMode(), leaf.acceptMinutes(),
							leaf.handleMinutes(), leaf.limitBasis(), leaf.legalBasis(), leaf.icon(), leaf.active()));
		}
	}

	@Test
	void tooManyReportsFromOnePhoneThroughTheApiAreAnsweredWith429AndRetryAfter() throws Exception {
		String phone = "136" + String.format("%08d", System.nanoTime() % 100_000_000);
		for (int i = 0; i < 10; i++) {
			apiReport(CATEGORY, "34.930000", "117.490000", phone);
		}
		mvc.perform(post("/api/v1/reports").contentType(MediaType.APPLICATION_JSON)
			.content(body(CATEGORY, "34.930000", "117.490000", phone)).with(ResidentReportingTest.fromNewAddress()))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("提交过于频繁")));
	}

}
