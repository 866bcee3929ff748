package chengguan.assessment;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import chengguan.organization.RegionDetails;
import chengguan.organization.RegionLevel;
import chengguan.organization.RegionService;
import chengguan.organization.RegionView;
import chengguan.organization.RosterService;
import chengguan.organization.UnitDetails;
import chengguan.organization.UnitKind;
import chengguan.platform.security.DataScope;
import chengguan.platform.security.Role;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.web.InvalidRequestException;
import chengguan.platform.web.NotFoundException;
import chengguan.platform.web.UserFacingException;
import chengguan.support.OwnRegionsTest;
import chengguan.support.TestAccounts;
import chengguan.support.TestImages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 规范化创建 scores on four workstations of a street of their own (items 信息公示 10, 线下走访 15, 线上接处 15,
 * 社区巡查 10, 投诉处置 15, 普法宣传 10, 意见征集 10, 社区参与 10, 物业监督 5 = 100):
 *
 * <pre>
 * 甲: accepted 信息公示 (twice: counted once), 线下走访, 线上接处, 社区巡查, 投诉处置; 普法宣传 rejected,
 *     意见征集 waiting → 65
 * 丁: the same accepted items → 65        乙: everything but 物业监督 → 95        丙: 信息公示 → 10
 * no rated cases anywhere: 优秀 = checklist × 0.7 → 乙 66.50, 丁 45.50, 甲 45.50, 丙 7.00
 * shortlist of 2: 乙 1st, 丁 and 甲 share 2nd (ties at the cut stay); 丙 is below 60 and never listed
 * </pre>
 */
class WorkstationChecklistTest extends OwnRegionsTest {

	@Autowired
	WorkstationChecklists checklists;

	@Autowired
	RegionService regions;

	@Autowired
	RosterService roster;

	@Autowired
	TestAccounts accounts;

	@Autowired
	MockMvc mvc;

	private RegionView street;

	private RegionView community;

	@BeforeEach
	void aStreetOfItsOwn() {
		RegionView district = regions.findByCode("370471").orElseThrow();
		String code = "6" + System.nanoTime() % 100_000_000;
		street = regions.createChildUnchecked(district, RegionLevel.STREET,
				new RegionDetails(code, "创建测试街道" + code, null, null, null, null, null, 99));
		community = regions.createChildUnchecked(street, RegionLevel.COMMUNITY,
				new RegionDetails(code + "001", "创建测试社区", null, null, null, null, null, 1));
	}

	@Test
	void acceptedEvidenceMakesTheScoreAndTheBestStandardWorkstationsAreShortlisted() throws Exception {
		StaffPrincipal admin = accounts.principal("admin");
		Map<String, Long> item = checklists.items()
			.stream()
			.collect(Collectors.toMap(WorkstationChecklists.Item::name, WorkstationChecklists.Item::id));
		assertThat(checklists.items().stream().map(WorkstationChecklists.Item::points).reduce(java.math.BigDecimal::add)
			.orElseThrow()).isEqualByComparingTo("100");
		long jia = workstation("甲工作室");
		long yi = workstation("乙工作室");
		long bing = workstation("丙工作室");
		long ding = workstation("丁工作室");

		for (long unit : List.of(jia, ding)) {
			for (String name : List.of("信息公示", "线下走访", "线上接处", "社区巡查", "投诉处置")) {
				accept(unit, item.get(name), admin);
			}
		}
		accept(jia, item.get("信息公示"), admin);
		long rejected = checklists.addEvidence(jia, item.get("普法宣传"), pdf(), "普法宣传活动照片汇编", admin).id();
		checklists.review(rejected, false, admin);
		checklists.addEvidence(jia, item.get("意见征集"), TestImages.png(40, 30), null, admin);
		for (String name : item.keySet()) {
			if (!name.equals("物业监督")) {
				accept(yi, item.get(name), admin);
			}
		}
		accept(bing, item.get("信息公示"), admin);

		assertThat(checklists.checklistScore(jia)).isEqualByComparingTo("65");
		assertThat(checklists.checklistScore(ding)).isEqualByComparingTo("65");
		assertThat(checklists.checklistScore(yi)).isEqualByComparingTo("95");
		assertThat(checklists.checklistScore(bing)).isEqualByComparingTo("10");
		assertThat(checklists.evidence(jia)).hasSize(8);
		assertThat(checklists.evidence(jia).stream().filter(e -> e.accepted() == null)).hasSize(1);

		DataScope scope = new DataScope(street.id(), street.path(), street.name());
		List<WorkstationChecklists.Standing> standings = checklists.standings(scope);
		assertThat(standings).extracting(s -> s.workstation().name() + " " + s.excellenceScore().toPlainString())
			.containsExactly("乙工作室 66.50", "丁工作室 45.50", "甲工作室 45.50", "丙工作室 7.00");
		assertThat(standings.get(0).satisfaction()).isNull();
		assertThat(standings).extracting(WorkstationChecklists.Standing::standard)
			.containsExactly(true, true, true, false);
		assertThat(checklists.shortlist(scope, 2)).extracting(s -> s.rank() + " " + s.standing().workstation().name())
			.containsExactly("1 乙工作室", "2 丁工作室", "2 甲工作室");
		assertThat(checklists.shortlist(scope, 1)).hasSize(1);
		assertThat(checklists.shortlist(scope, 50)).hasSize(3);
		assertThat(WorkstationChecklists.excellence(new java.math.BigDecimal("80"), 96.5))
			.isEqualByComparingTo("84.95"); // 56 + 28.95

		// content checks: text is no photo, a PDF must open, the item must exist
		assertThatThrownBy(() -> checklists.addEvidence(jia, item.get("物业监督"),
				"just text".getBytes(StandardCharsets.UTF_8), null, admin)).isInstanceOf(UserFacingException.class);
		assertThatThrownBy(() -> checklists.addEvidence(jia, item.get("物业监督"),
				"%PDF-1.7 not really".getBytes(StandardCharsets.US_ASCII), null, admin))
			.isInstanceOf(InvalidRequestException.class);
		assertThatThrownBy(() -> checklists.addEvidence(jia, -1, pdf(), null, admin))
			.isInstanceOf(InvalidRequestException.class);
		assertThat(checklists.evidence(jia)).hasSize(8);

		// scope: another street's leader cannot see or add to these workstations
		String leader = accounts.newAccount("ws-leader", street.code(), Role.LEADER);
		String outsider = accounts.newAccount("ws-outsider", "370471002", Role.LEADER);
		assertThatThrownBy(() -> checklists.workstation(jia, accounts.principal(outsider)))
			.isInstanceOf(NotFoundException.class);
		mvc.perform(get("/assessment/workstations").with(accounts.as(leader)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("乙工作室")))
			.andExpect(content().string(containsString("66.50")));
		mvc.perform(get("/assessment/workstations/" + jia).with(accounts.as(leader)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("待审核")))
			.andExpect(content().string(containsString("普法宣传活动照片汇编")));
		mvc.perform(get("/assessment/workstations/" + jia).with(accounts.as(outsider))).andExpect(status().isNotFound());
		mvc.perform(get("/assessment/workstations/evidence/" + rejected + "/file").with(accounts.as(leader)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"));
		mvc.perform(multipart("/assessment/workstations/" + jia + "/evidence")
			.file(new MockMultipartFile("file", "a.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8)))
			.param("itemId", Long.toString(item.get("物业监督")))
			.with(csrf())
			.with(accounts.as(leader))).andExpect(status().is4xxClientError());
		mvc.perform(multipart("/assessment/workstations/" + jia + "/evidence")
			.file(new MockMultipartFile("file", "a.png", "image/png", TestImages.png(40, 30)))
			.param("itemId", Long.toString(item.get("物业监督")))
			.with(csrf())
			.with(accounts.as(leader))).andExpect(status().is3xxRedirection());
		assertThat(checklists.evidence(jia)).hasSize(9);
	}

	private long workstation(String name) {
		return roster.createUnitUnchecked(new UnitDetails(UnitKind.WORKSTATION, name, community.id(), null, null, null,
				1, true)).id();
	}

	private void accept(long unit, long itemId, StaffPrincipal who) {
		long id = checklists.addEvidence(unit, itemId, TestImages.png(40, 30), "现场照片", who).id();
		checklists.review(id, true, who);
	}

	private static byte[] pdf() throws Exception {
		try (PDDocument document = new PDDocument()) {
			document.addPage(new PDPage());
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
	}

}
