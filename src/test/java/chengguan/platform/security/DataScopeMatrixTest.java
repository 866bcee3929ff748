package chengguan.platform.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import chengguan.support.OwnRegionsTest;
import chengguan.support.TestAccounts;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every GET endpoint that takes an id, a code or a unit/region/community parameter, asked by every staff role for
 * things outside that role's area: the answer is 403 or 404, never the data. The endpoints come from Spring's own
 * mapping, so a new endpoint fails {@link #everyEndpointWithAnIdIsProbedOrExemptedWithAReason()} until it is
 * added to {@link #probes} (or, with a reason, to {@link #EXEMPT}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataScopeMatrixTest extends OwnRegionsTest {

	/** A parameter that picks a record or an area: {@code id}, {@code unitId}, {@code communityCode}, {@code template} … */
	private static final Pattern ID_LIKE = Pattern.compile("(?i)(.*id|.*code|template)");

	/** Endpoints with an id that are not data-scoped, and why. */
	private static final Map<String, String> EXEMPT = Map.ofEntries(
			entry("/r/{regionCode}", "居民扫码上报页：公开，只显示社区名称和分类"),
			entry("/t/{trackingCode}", "居民办理进度：公开，凭查询码，不含电话"),
			entry("/t", "按查询码跳转到 /t/{trackingCode}：公开"),
			entry("/api/v1/reports/{trackingCode}", "居民办理进度 API：公开，凭查询码，不含电话"),
			entry("/public/communities/{communityCode}", "社区公示牌：公开"),
			entry("/public/communities/{communityCode}/card.pdf", "社区公示牌打印版：公开"),
			entry("/public/places/{regionCode}/qr.png", "上报二维码：公开"),
			entry("/public/staff/{staffId}/photo", "公示牌上公开的负责人照片：公开"),
			entry("/s/{surveyCode}/{communityCode}", "居民作答页：公开"),
			entry("/e/{eventCode}", "活动报名页：公开"),
			entry("/n/{communityCode}", "人民建议和需求页：公开"),
			entry("/v/{communityCode}", "志愿者报名页：公开"),
			entry("/v/{communityCode}/qr.png", "志愿者报名二维码：公开"),
			entry("/m/{communityCode}", "门前三包公开榜单：公开，不含店主姓名和电话"),
			entry("/m/{communityCode}/qr.png", "门前三包榜单二维码：公开"),
			entry("/catalog/categories/{id}", "问题分类全平台统一，不分区域"),
			entry("/intake/imports/profiles/{id}", "12345 导入模板全平台共用，不含工单数据"),
			entry("/fieldwork/property/checklists/{id}/edit", "物业检查表全平台共用，不含检查数据"),
			entry("/fieldwork/campaigns/new", "专项整治模板（template）全平台共用"));

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	DataSource dataSource;

	@Autowired
	chengguan.platform.storage.FileStorage files;

	/** Someone signed in, and an area outside their scope to take ids from. */
	record Viewer(String username, Area outside) {
	}

	/** Records whose region path starts with {@code prefix}, none inside the viewer's {@code home}. */
	record Area(String name, String prefix, String home) {
	}

	private final List<Viewer> viewers = new ArrayList<>();

	private String xingren;

	private String xingcheng;

	@BeforeAll
	void viewers() {
		xingren = path("370471001");
		xingcheng = path("370471002");
		// records the demo has in one street only, copied into a community of each street (this class has a
		// database of its own, so the copies disturb no other test)
		for (String community : List.of("370471001002", "370471002007")) {
			recordsIn(community);
		}
		Area xingchengStreet = new Area("兴城街道", xingcheng, xingren);
		// the district's roles, each as an account of its own scoped to one street, so that the demo's other
		// street is outside; the demo's street and community accounts as they are
		for (Role role : List.of(Role.ADMIN, Role.LEADER, Role.DISPATCHER, Role.INSPECTOR, Role.HANDLER)) {
			viewers.add(new Viewer(accounts.newAccount(role.name().toLowerCase(), "370471001", role), xingchengStreet));
		}
		viewers.add(new Viewer("xingren", xingchengStreet));
		viewers.add(new Viewer("deren", new Area("兴城街道", xingcheng, path("370471001001"))));
		viewers.add(new Viewer("xingcheng", new Area("兴仁街道", xingren, xingcheng)));
	}

	private void recordsIn(String communityCode) {
		long community = jdbc.sql("SELECT id FROM region WHERE code = ?").param(communityCode).query(Long.class).single();
		String path = path(communityCode);
		Map<String, Object> here = Map.of("community_id", community, "region_path", path);
		copy("need", here, Map.of("report_id", NULL, "report_tracking_code", NULL, "idempotency_key", unique()));
		copy("publicity_event", here, Map.of("code", unique().substring(0, 8)));
		copy("deliberation_meeting", here, Map.of());
		copy("volunteer_activity", here, Map.of());
		copy("merchant", here, Map.of());
		long inspection = copy("property_inspection", Map.of("region_path", path), Map.of());
		copy("property_rectification", Map.of("region_path", path), Map.of("inspection_id", inspection));
		copy("property_company", Map.of("region_path", path), Map.of("name", "矩阵测试物业" + unique().substring(0, 6)));
		long campaign = copy("campaign", Map.of(), Map.of());
		jdbc.sql("INSERT INTO campaign_region (campaign_id, region_id, region_path) VALUES (?, ?, ?)")
			.params(campaign, community, path)
			.update();
		long survey = copy("survey", "NOT is_template", Map.of(), Map.of("code", unique().substring(0, 8)));
		jdbc.sql("INSERT INTO survey_community (survey_id, region_id, region_path) VALUES (?, ?, ?)")
			.params(survey, community, path)
			.update();
		String street = path.substring(0, path.lastIndexOf('/', path.length() - 2) + 1);
		long unit = jdbc.sql("""
				SELECT MIN(u.id) FROM org_unit u JOIN region r ON r.id = u.region_id
				WHERE u.kind = 'WORKSTATION' AND r.path LIKE ?""")
			.param(street + "%")
			.query(Long.class)
			.single();
		copy("workstation_evidence", Map.of(), Map.of("unit_id", unit, "file_id", files.store(PDF, "application/pdf"),
				"content_type", "application/pdf"));
		jdbc.sql("""
				INSERT INTO health_report (region_id, region_path, report_month, file_id, generated_at)
				VALUES (?, ?, DATE '2026-11-01', ?, CURRENT_TIMESTAMP)""")
			.params(community, path, files.store(PDF, "application/pdf"))
			.update();
		jdbc.sql("""
				INSERT INTO import_batch (profile_id, file_name, file_id, status, scope_path, created_by, created_at)
				SELECT MIN(id), '矩阵测试.xlsx', 'none', 'DONE', ?, 'test', CURRENT_TIMESTAMP FROM hotline_import_profile""")
			.param(path)
			.update();
	}

	private static final Object NULL = new Object();

	private static final byte[] PDF = "%PDF-1.4 矩阵测试".getBytes(java.nio.charset.StandardCharsets.UTF_8);

	private static String unique() {
		return java.util.UUID.randomUUID().toString().replace("-", "");
	}

	/**
	 * Copies the oldest row of the table with some columns set (those in {@code where} only if the table has them);
	 * returns the copy's id.
	 */
	private long copy(String table, Map<String, Object> where, Map<String, Object> set) {
		return copy(table, "1 = 1", where, set);
	}

	private long copy(String table, String condition, Map<String, Object> where, Map<String, Object> set) {
		List<String> columns = new ArrayList<>();
		try (java.sql.Connection connection = dataSource.getConnection();
				java.sql.ResultSet rs = connection.getMetaData().getColumns(null, connection.getSchema(), table, null)) {
			while (rs.next()) {
				columns.add(rs.getString("COLUMN_NAME").toLowerCase());
			}
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
		assertThat(columns).as(table).contains("id");
		Map<String, Object> values = new LinkedHashMap<>(where);
		values.putAll(set);
		List<String> selected = new ArrayList<>();
		List<Object> params = new ArrayList<>();
		for (String column : columns) {
			if (column.equals("id")) {
				continue;
			}
			if (values.containsKey(column)) {
				Object value = values.get(column);
				selected.add(value == NULL ? "NULL" : "?");
				if (value != NULL) {
					params.add(value);
				}
			}
			else {
				selected.add(column);
			}
		}
		String names = String.join(", ", columns.stream().filter(c -> !c.equals("id")).toList());
		params.add(jdbc.sql("SELECT MIN(id) FROM " + table + " WHERE " + condition).query(Long.class).single());
		jdbc.sql("INSERT INTO " + table + " (" + names + ") SELECT " + String.join(", ", selected) + " FROM " + table
				+ " WHERE id = ?")
			.params(params)
			.update();
		return jdbc.sql("SELECT MAX(id) FROM " + table).query(Long.class).single();
	}

	private String path(String code) {
		return jdbc.sql("SELECT path FROM region WHERE code = ?").param(code).query(String.class).single();
	}

	/** For each scoped endpoint, the addresses that ask for records of the area. */
	private Map<String, Function<Area, List<String>>> probes() {
		Map<String, Function<Area, List<String>>> probes = new LinkedHashMap<>();
		// cases and reports
		probes.put("/cases", a -> List.of("/cases?regionId=" + community(a)));
		probes.put("/cases/{id}", a -> List.of("/cases/" + id(a, "case_file", "region_path")));
		probes.put("/cases/{id}/photos/{fileId}", a -> List.of("/cases/" + id(a, "case_file", "region_path") + "/photos/x"));
		probes.put("/intake/reports", a -> List.of("/intake/reports?communityId=" + community(a)));
		probes.put("/intake/reports/{id}", a -> List.of("/intake/reports/" + id(a, "report", "region_path")));
		probes.put("/intake/reports/{id}/photos/{index}",
				a -> List.of("/intake/reports/" + id(a, "report", "region_path") + "/photos/0"));
		probes.put("/intake/imports/{id}", a -> List.of("/intake/imports/" + id(a, "import_batch", "scope_path")));
		probes.put("/intake/imports/{id}/progress",
				a -> List.of("/intake/imports/" + id(a, "import_batch", "scope_path") + "/progress"));
		probes.put("/api/v1/hotline-imports/{id}",
				a -> List.of("/api/v1/hotline-imports/" + id(a, "import_batch", "scope_path")));
		// organization and accounts
		probes.put("/org/regions", a -> List.of("/org/regions?id=" + community(a)));
		probes.put("/org/regions/{id}/panel", a -> List.of("/org/regions/" + community(a) + "/panel"));
		probes.put("/org/assignments/{communityId}", a -> List.of("/org/assignments/" + community(a)));
		probes.put("/org/units/{id}", a -> List.of("/org/units/" + unit(a)));
		probes.put("/org/staff", a -> List.of("/org/staff?unitId=" + unit(a)));
		probes.put("/org/staff/{id}", a -> List.of("/org/staff/" + staff(a)));
		probes.put("/org/staff/{id}/photo", a -> List.of("/org/staff/" + staff(a) + "/photo"));
		probes.put("/admin/users/{id}", a -> List.of("/admin/users/" + one(a, """
				SELECT u.id FROM user_account u JOIN region r ON r.id = u.home_region_id
				WHERE r.path LIKE ? AND r.path NOT LIKE ?""")));
		// field work
		probes.put("/fieldwork/logs", a -> List.of("/fieldwork/logs?communityId=" + community(a)));
		probes.put("/fieldwork/logs/{id}/photos/{fileId}",
				a -> List.of("/fieldwork/logs/" + id(a, "duty_log", "region_path") + "/photos/x"));
		probes.put("/fieldwork/logs/campaigns", a -> List.of("/fieldwork/logs/campaigns?campaignId=" + campaign(a)
				+ "&communityCode=" + one(a, "SELECT code FROM region WHERE region_level = 'COMMUNITY' AND path LIKE ? AND path NOT LIKE ?")));
		probes.put("/fieldwork/ledger.xlsx", a -> List.of("/fieldwork/ledger.xlsx?month=2026-11&unitId=" + unit(a)));
		probes.put("/fieldwork/ledger.pdf", a -> List.of("/fieldwork/ledger.pdf?month=2026-11&unitId=" + unit(a)));
		probes.put("/fieldwork/ledgers/submitted",
				a -> List.of("/fieldwork/ledgers/submitted?month=2026-11&format=XLSX&unitId=" + unit(a)));
		probes.put("/fieldwork/campaigns/{id}", a -> List.of("/fieldwork/campaigns/" + campaign(a)));
		probes.put("/fieldwork/campaigns/{id}/edit", a -> List.of("/fieldwork/campaigns/" + campaign(a) + "/edit"));
		probes.put("/fieldwork/property/companies/{id}", a -> List.of("/fieldwork/property/companies/" + company(a)));
		probes.put("/fieldwork/property/companies/{id}/edit",
				a -> List.of("/fieldwork/property/companies/" + company(a) + "/edit"));
		probes.put("/fieldwork/property/inspections/new", a -> List.of("/fieldwork/property/inspections/new?compoundId="
				+ one(a, "SELECT id FROM region WHERE region_level = 'COMPOUND' AND path LIKE ? AND path NOT LIKE ?")));
		probes.put("/fieldwork/property/inspections/{id}",
				a -> List.of("/fieldwork/property/inspections/" + id(a, "property_inspection", "region_path")));
		probes.put("/fieldwork/property/notices/{id}",
				a -> List.of("/fieldwork/property/notices/" + id(a, "property_rectification", "region_path")));
		// engagement
		probes.put("/engagement/needs", a -> List.of("/engagement/needs?communityId=" + community(a)));
		probes.put("/engagement/needs/{id}", a -> List.of("/engagement/needs/" + id(a, "need", "region_path")));
		probes.put("/engagement/needs/communities/{communityId}/print",
				a -> List.of("/engagement/needs/communities/" + community(a) + "/print"));
		probes.put("/engagement/needs/communities/{communityId}/qr.png",
				a -> List.of("/engagement/needs/communities/" + community(a) + "/qr.png"));
		probes.put("/engagement/events/{id}", a -> List.of("/engagement/events/" + id(a, "publicity_event", "region_path")));
		probes.put("/engagement/events/{id}/photos/{index}",
				a -> List.of("/engagement/events/" + id(a, "publicity_event", "region_path") + "/photos/0"));
		probes.put("/engagement/events/{id}/qr.png",
				a -> List.of("/engagement/events/" + id(a, "publicity_event", "region_path") + "/qr.png"));
		probes.put("/engagement/deliberations/{id}",
				a -> List.of("/engagement/deliberations/" + id(a, "deliberation_meeting", "region_path")));
		probes.put("/engagement/volunteers", a -> List.of("/engagement/volunteers?communityId=" + community(a)));
		probes.put("/engagement/volunteers/activities/{id}",
				a -> List.of("/engagement/volunteers/activities/" + id(a, "volunteer_activity", "region_path")));
		probes.put("/engagement/merchants", a -> List.of("/engagement/merchants?regionId=" + community(a)));
		probes.put("/engagement/merchants/{id}", a -> List.of("/engagement/merchants/" + id(a, "merchant", "region_path")));
		probes.put("/engagement/merchants/{id}/edit",
				a -> List.of("/engagement/merchants/" + id(a, "merchant", "region_path") + "/edit"));
		probes.put("/engagement/surveys/new", a -> List.of("/engagement/surveys/new?template=" + survey(a)));
		probes.put("/engagement/surveys/{id}", a -> List.of("/engagement/surveys/" + survey(a)));
		probes.put("/engagement/surveys/{id}/edit", a -> List.of("/engagement/surveys/" + survey(a) + "/edit"));
		probes.put("/engagement/surveys/{id}/results", a -> List.of("/engagement/surveys/" + survey(a) + "/results"));
		probes.put("/engagement/surveys/{id}/results.xlsx",
				a -> List.of("/engagement/surveys/" + survey(a) + "/results.xlsx"));
		// a survey of the area, and a survey everyone sees with a community of the area
		probes.put("/engagement/surveys/{id}/communities/{communityCode}/qr.png",
				a -> List.of("/engagement/surveys/" + survey(a) + "/communities/" + communityCode(a) + "/qr.png",
						"/engagement/surveys/" + sharedSurvey() + "/communities/" + communityCode(a) + "/qr.png"));
		probes.put("/engagement/surveys/{id}/communities/{communityCode}/poster.pdf",
				a -> List.of("/engagement/surveys/" + survey(a) + "/communities/" + communityCode(a) + "/poster.pdf",
						"/engagement/surveys/" + sharedSurvey() + "/communities/" + communityCode(a) + "/poster.pdf"));
		// assessment
		probes.put("/assessment/dashboard", a -> List.of("/assessment/dashboard?regionId=" + community(a)));
		probes.put("/assessment/heatmap",
				a -> List.of("/assessment/heatmap?from=2026-01&to=2026-11&regionId=" + community(a)));
		probes.put("/assessment/health-reports/pdf",
				a -> List.of("/assessment/health-reports/pdf?month=2026-11&regionId=" + community(a)));
		probes.put("/assessment/health-reports/{id}/file",
				a -> List.of("/assessment/health-reports/" + id(a, "health_report", "region_path") + "/file"));
		probes.put("/assessment/workstations/{unitId}", a -> List.of("/assessment/workstations/" + one(a, """
				SELECT u.id FROM org_unit u JOIN region r ON r.id = u.region_id
				WHERE u.kind = 'WORKSTATION' AND r.path LIKE ? AND r.path NOT LIKE ?""")));
		probes.put("/assessment/workstations/evidence/{id}/file", a -> List.of("/assessment/workstations/evidence/"
				+ one(a, """
						SELECT e.id FROM workstation_evidence e JOIN org_unit u ON u.id = e.unit_id
						JOIN region r ON r.id = u.region_id WHERE r.path LIKE ? AND r.path NOT LIKE ?""") + "/file"));
		return probes;
	}

	private Object one(Area area, String sql) {
		Optional<Object> found = jdbc.sql(sql + " ORDER BY 1 FETCH FIRST 1 ROWS ONLY")
			.params(area.prefix() + "%", area.home() + "%")
			.query((rs, n) -> rs.getObject(1))
			.optional();
		assertThat(found).as("a record in %s for: %s", area.name(), sql).isPresent();
		return found.get();
	}

	private Object id(Area area, String table, String pathColumn) {
		return one(area, "SELECT id FROM " + table + " WHERE " + pathColumn + " LIKE ? AND " + pathColumn + " NOT LIKE ?");
	}

	private Object community(Area area) {
		return one(area, "SELECT id FROM region WHERE region_level = 'COMMUNITY' AND path LIKE ? AND path NOT LIKE ?");
	}

	private Object communityCode(Area area) {
		return one(area, "SELECT code FROM region WHERE region_level = 'COMMUNITY' AND path LIKE ? AND path NOT LIKE ?");
	}

	/** A unit of the area that is not above the viewer (the 中队 and 科室 above a community are on its roster). */
	private Object unit(Area area) {
		return one(area, "SELECT u.id FROM org_unit u JOIN region r ON r.id = u.region_id WHERE r.path LIKE ? AND r.path NOT LIKE ?");
	}

	private Object staff(Area area) {
		return one(area, """
				SELECT s.id FROM staff s JOIN org_unit u ON u.id = s.unit_id JOIN region r ON r.id = u.region_id
				WHERE r.path LIKE ? AND r.path NOT LIKE ?""");
	}

	private Object campaign(Area area) {
		return one(area, """
				SELECT c.id FROM campaign c WHERE EXISTS (SELECT 1 FROM campaign_region r WHERE r.campaign_id = c.id
				    AND r.region_path LIKE ?)
				AND NOT EXISTS (SELECT 1 FROM campaign_region r WHERE r.campaign_id = c.id AND r.region_path LIKE ?)""");
	}

	private Object company(Area area) {
		return one(area, """
				SELECT c.id FROM property_company c WHERE c.region_path LIKE ?
				AND NOT EXISTS (SELECT 1 FROM property_management m WHERE m.company_id = c.id AND m.region_path LIKE ?)""");
	}

	/** A survey only for communities of the area. */
	private Object survey(Area area) {
		return one(area, """
				SELECT s.id FROM survey s WHERE NOT s.is_template
				AND EXISTS (SELECT 1 FROM survey_community c WHERE c.survey_id = s.id AND c.region_path LIKE ?)
				AND NOT EXISTS (SELECT 1 FROM survey_community c WHERE c.survey_id = s.id AND c.region_path LIKE ?)""");
	}

	/** The demo's 附件1 survey, which goes to every community. */
	private Object sharedSurvey() {
		return jdbc.sql("""
				SELECT s.id FROM survey s WHERE NOT s.is_template
				AND (SELECT COUNT(*) FROM survey_community c WHERE c.survey_id = s.id) >= 9 ORDER BY s.id FETCH FIRST 1 ROWS ONLY""")
			.query(Long.class)
			.single();
	}

	/** The GET patterns that take an id or an area, straight from Spring's mapping. */
	private Set<String> scopedGetEndpoints() {
		Set<String> scoped = new TreeSet<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
			Set<RequestMethod> methods = mapping.getKey().getMethodsCondition().getMethods();
			if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
				continue;
			}
			boolean takesAnId = false;
			for (MethodParameter parameter : mapping.getValue().getMethodParameters()) {
				parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
				RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
				PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
				if (variable != null) {
					takesAnId = true;
				}
				else if (param != null) {
					String name = !param.name().isEmpty() ? param.name() : parameter.getParameterName();
					takesAnId |= name != null && ID_LIKE.matcher(name).matches();
				}
			}
			if (takesAnId) {
				scoped.addAll(mapping.getKey().getPatternValues());
			}
		}
		return scoped;
	}

	@Test
	void everyEndpointWithAnIdIsProbedOrExemptedWithAReason() {
		Set<String> scoped = scopedGetEndpoints();
		Set<String> forgotten = new TreeSet<>(scoped);
		forgotten.removeAll(probes().keySet());
		forgotten.removeAll(EXEMPT.keySet());
		assertThat(forgotten).as("GET endpoints with an id that the scope matrix neither probes nor exempts").isEmpty();
		Set<String> stale = new TreeSet<>(probes().keySet());
		stale.addAll(EXEMPT.keySet());
		stale.removeAll(scoped);
		assertThat(stale).as("entries for endpoints that no longer take an id").isEmpty();
	}

	@Test
	void everyRoleIsRefusedEverythingOutsideItsArea() throws Exception {
		List<String> leaks = new ArrayList<>();
		int asked = 0;
		for (Viewer viewer : viewers) {
			for (Map.Entry<String, Function<Area, List<String>>> probe : probes().entrySet()) {
				List<String> urls;
				try {
					urls = probe.getValue().apply(viewer.outside());
				}
				catch (AssertionError missing) {
					leaks.add(viewer.username() + " " + probe.getKey() + ": no fixture — " + missing.getMessage());
					continue;
				}
				for (String url : urls) {
					int status;
					try {
						status = mvc.perform(get(url).with(accounts.as(viewer.username()))).andReturn().getResponse()
							.getStatus();
					}
					catch (Exception ex) {
						leaks.add(viewer.username() + " GET " + url + " → " + ex);
						continue;
					}
					asked++;
					if (status != 403 && status != 404) {
						leaks.add(viewer.username() + " GET " + url + " → " + status);
					}
				}
			}
		}
		assertThat(leaks).as("answers other than 403/404 outside the viewer's area, of %d asked", asked).isEmpty();
		assertThat(asked).isGreaterThanOrEqualTo(viewers.size() * probes().size());
	}

	/** Probes the demo's admin (whole city) cannot get either, so their refusal above proves nothing by itself. */
	private static final Map<String, String> NOT_FOUND_FOR_ANYONE = Map.ofEntries(
			entry("/cases/{id}/photos/{fileId}", "探测用的文件编号不存在；先查案件范围（CaseService.photo → get）"),
			entry("/fieldwork/logs/{id}/photos/{fileId}", "探测用的文件编号不存在；先查日志范围"),
			entry("/intake/reports/{id}/photos/{index}", "复制的诉求没有照片；先查诉求范围"),
			entry("/engagement/events/{id}/photos/{index}", "复制的活动没有照片；先查活动范围"),
			entry("/fieldwork/ledgers/submitted", "该月未报送"),
			entry("/org/staff/{id}/photo", "演示人员没有照片；先查人员范围"),
			entry("/engagement/surveys/new", "只接受问卷模板（全平台共用）：别的问卷编号对谁都是 404"));

	/** The same addresses work for someone whose scope holds the area: the probes ask for real records. */
	@Test
	void theProbesFindRealRecords() throws Exception {
		Area xingchengStreet = new Area("兴城街道", xingcheng, xingren);
		List<String> dead = new ArrayList<>();
		for (Map.Entry<String, Function<Area, List<String>>> probe : probes().entrySet()) {
			if (NOT_FOUND_FOR_ANYONE.containsKey(probe.getKey())) {
				continue;
			}
			for (String url : probe.getValue().apply(xingchengStreet)) {
				int status = mvc.perform(get(url).with(accounts.as("admin"))).andReturn().getResponse().getStatus();
				if (status != 200) {
					dead.add(url + " → " + status);
				}
			}
		}
		assertThat(dead).as("probes that the city-wide admin cannot open either").isEmpty();
	}

	@Test
	void aCommunityIsRefusedTheLedgersOfTheUnitsAboveIt() throws Exception {
		for (String unit : List.of("兴仁中队", "综合执法科")) {
			long id = jdbc.sql("SELECT id FROM org_unit WHERE name = ?").param(unit).query(Long.class).single();
			for (String url : List.of("/fieldwork/ledger.xlsx?month=2026-11&unitId=" + id,
					"/fieldwork/ledger.pdf?month=2026-11&unitId=" + id,
					"/fieldwork/ledgers/submitted?month=2026-11&format=PDF&unitId=" + id)) {
				assertThat(mvc.perform(get(url).with(accounts.as("deren"))).andReturn().getResponse().getStatus())
					.as(url)
					.isIn(403, 404);
			}
		}
	}

}
