package chengguan.engagement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import chengguan.organization.RegionDetails;
import chengguan.organization.RegionLevel;
import chengguan.organization.RegionService;
import chengguan.organization.RegionView;
import chengguan.platform.security.OutOfScopeException;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.web.InvalidRequestException;
import chengguan.support.MutableClock;
import chengguan.support.OwnRegionsTest;
import chengguan.support.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 门前三包 against the database: points counted in the Asia/Shanghai month of each inspection, the floor at 0, the
 * ranking of a street, history kept when the points table changes, the scope, and the public board.
 */
class MerchantPointsTest extends OwnRegionsTest {

	@Autowired
	Merchants merchants;

	@Autowired
	MerchantInspections inspections;

	@Autowired
	MerchantPointItems items;

	@Autowired
	MerchantRankings rankings;

	@Autowired
	RegionService regions;

	@Autowired
	TestAccounts accounts;

	@Autowired
	MutableClock clock;

	@Autowired
	MockMvc mvc;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	private static String unique() {
		return UUID.randomUUID().toString().replace("-", "").substring(0, 8);
	}

	/** A new street of the demo district, so its rankings hold only this test's merchants. */
	private RegionView street() {
		String code = "S" + unique();
		return regions.createChildUnchecked(regions.findByCode("370471").orElseThrow(), RegionLevel.STREET,
				new RegionDetails(code, "测试街道" + code, 1000, 300, new BigDecimal("1"), null, null, 9));
	}

	private RegionView community(RegionView street) {
		String code = "C" + unique();
		return regions.createChildUnchecked(street, RegionLevel.COMMUNITY,
				new RegionDetails(code, "测试社区" + code, 1000, 300, new BigDecimal("1"), null, null, 9));
	}

	private Merchant merchant(RegionView community, String name) {
		return merchants.createUnchecked(new MerchantDetails(community.id(), name, "测试路 1 号", "店主老李",
				"13712345678", "餐饮", EnumSet.allOf(FrontageDuty.class)), community, "test");
	}

	private long item(String name) {
		return items.all().stream().filter(item -> item.name().equals(name)).findFirst().orElseThrow().id();
	}

	private void inspect(Merchant merchant, Instant at, String... itemNames) {
		inspections.recordUnchecked(merchant, new MerchantInspectionEntry(
				Arrays.stream(itemNames).map(name -> new MerchantInspectionEntry.Choice(item(name), null)).toList(),
				null), at, "test", "测试员");
	}

	private static MerchantRanking.Row row(MerchantRanking ranking, Merchant merchant) {
		return ranking.rows().stream().filter(r -> r.tally().merchantId() == merchant.id()).findFirst().orElseThrow();
	}

	@Test
	void anInspectionCountsInTheShanghaiMonthOfItsInstant() {
		clock.setTo(Instant.parse("2026-02-15T04:00:00Z"));
		RegionView community = community(street());
		Merchant shop = merchant(community, "边界小店");
		// 2026-01-31 23:59:59 in Shanghai: January
		inspect(shop, Instant.parse("2026-01-31T15:59:59Z"), "门前整洁");
		// 2026-02-01 00:00:00 in Shanghai (still 31 January in UTC): February
		inspect(shop, Instant.parse("2026-01-31T16:00:00Z"), "店外经营", "门前乱堆乱放");

		MerchantRanking.Row january = row(rankings.ranking(community, YearMonth.of(2026, 1)), shop);
		assertThat(january.monthScore()).isEqualTo(100 + 2);
		assertThat(january.tally().monthInspections()).isEqualTo(1);
		assertThat(january.accumulatedPoints()).isEqualTo(2);

		MerchantRanking.Row february = row(rankings.ranking(community, YearMonth.of(2026, 2)), shop);
		assertThat(february.monthScore()).isEqualTo(100 - 5 - 3);
		assertThat(february.tally().monthDeductions()).isEqualTo(2);
		// accumulated 2 − 8 = −6, held at 0
		assertThat(february.accumulatedPoints()).isZero();

		// March has no inspection yet: back to the start score
		clock.setTo(Instant.parse("2026-03-02T04:00:00Z"));
		assertThat(row(rankings.ranking(community, YearMonth.of(2026, 3)), shop).monthScore()).isEqualTo(100);
	}

	@Test
	void deductionsBeyondTheStartScoreStopAtZero() {
		clock.setTo(Instant.parse("2026-04-20T04:00:00Z"));
		MerchantPointItem heavy = items.create("测试重扣" + unique(), FrontageDuty.ORDER, -50);
		RegionView community = community(street());
		Merchant shop = merchant(community, "屡教不改");
		for (int i = 0; i < 3; i++) {
			inspections.recordUnchecked(shop, new MerchantInspectionEntry(
					List.of(new MerchantInspectionEntry.Choice(heavy.id(), "第" + (i + 1) + "次")), null),
					Instant.parse("2026-04-1" + i + "T02:00:00Z"), "test", "测试员");
		}
		// 100 − 150 = −50: the month score is 0, not negative
		MerchantRanking.Row april = row(rankings.ranking(community, YearMonth.of(2026, 4)), shop);
		assertThat(april.monthScore()).isZero();
		assertThat(april.accumulatedPoints()).isZero();
		items.update(heavy.id(), heavy.version(), heavy.name(), heavy.duty(), heavy.points(), false);
	}

	@Test
	void aStreetRanksTheMerchantsOfAllItsCommunitiesWithTiesSharingARank() {
		clock.setTo(Instant.parse("2026-05-20T04:00:00Z"));
		RegionView street = street();
		RegionView east = community(street);
		RegionView west = community(street);
		Merchant a = merchant(east, "东一号");
		Merchant b = merchant(east, "东二号");
		Merchant c = merchant(west, "西一号");
		Merchant d = merchant(west, "西二号");
		Instant may = Instant.parse("2026-05-10T02:00:00Z");
		inspect(a, may, "门前整洁", "参与城市管理志愿服务"); // 107
		inspect(b, may, "门前整洁", "主动劝阻门前乱停乱放"); // 105
		inspect(c, may, "门前整洁", "主动劝阻门前乱停乱放"); // 105
		inspect(d, may, "店外经营"); // 95

		MerchantRanking street_ = rankings.ranking(street, YearMonth.of(2026, 5));
		assertThat(street_.rows()).extracting(r -> r.tally().name()).containsExactly("东一号", "东二号", "西一号", "西二号");
		assertThat(street_.rows()).extracting(MerchantRanking.Row::rank).containsExactly(1, 2, 2, 4);
		assertThat(street_.rows()).extracting(MerchantRanking.Row::monthScore).containsExactly(107, 105, 105, 95);
		// three finest by default: 107, and both at 105
		assertThat(street_.finest()).extracting(r -> r.tally().name()).containsExactly("东一号", "东二号", "西一号");

		MerchantRanking westOnly = rankings.ranking(west, YearMonth.of(2026, 5));
		assertThat(westOnly.rows()).extracting(r -> r.tally().name()).containsExactly("西一号", "西二号");
		assertThat(westOnly.rows()).extracting(MerchantRanking.Row::rank).containsExactly(1, 2);
	}

	@Test
	void changingThePointsTableLeavesPastInspectionsAsTheyWere() {
		StaffPrincipal admin = accounts.principal("admin");
		MerchantPointItem bonus = items.create("测试加分" + unique(), FrontageDuty.GREENING, 4);
		RegionView community = community(street());
		Merchant shop = merchant(community, "绿植小店");
		inspections.recordUnchecked(shop, new MerchantInspectionEntry(
				List.of(new MerchantInspectionEntry.Choice(bonus.id(), null)), null), clock.instant(), "test", "测试员");
		items.update(bonus.id(), bonus.version(), bonus.name(), FrontageDuty.GREENING, 1, true);
		inspections.recordUnchecked(shop, new MerchantInspectionEntry(
				List.of(new MerchantInspectionEntry.Choice(bonus.id(), null)), null), clock.instant(), "test", "测试员");

		assertThat(inspections.history(shop.id(), admin)).extracting(MerchantInspection::netPoints)
			.containsExactlyInAnyOrder(4, 1);
		assertThat(row(rankings.ranking(community, rankings.currentMonth()), shop).monthScore()).isEqualTo(105);
		MerchantPointItem retired = items.update(bonus.id(), bonus.version() + 1, bonus.name(), null, 1, false);
		assertThat(retired.active()).isFalse();
		assertThatThrownBy(() -> inspect(shop, clock.instant(), retired.name()))
			.isInstanceOf(InvalidRequestException.class);
	}

	@Test
	void anInspectionNeedsAnItemAndEachItemCountsOnce() {
		RegionView community = community(street());
		Merchant shop = merchant(community, "规则小店");
		assertThatThrownBy(() -> inspect(shop, clock.instant())).isInstanceOf(InvalidRequestException.class)
			.hasMessage("merchant.inspection.itemsRequired");
		assertThatThrownBy(() -> inspect(shop, clock.instant(), "门前整洁", "门前整洁"))
			.isInstanceOf(InvalidRequestException.class)
			.hasMessage("merchant.inspection.itemTwice");
		assertThatThrownBy(() -> items.create("零分项目" + unique(), null, 0)).isInstanceOf(InvalidRequestException.class);
	}

	@Test
	void staffOutsideTheMerchantsStreetGetNotFound() {
		RegionView community = regions.findByCode("370471001001").orElseThrow();
		Merchant shop = merchant(community, "范围测试" + unique());
		StaffPrincipal otherStreet = accounts.principal("xingcheng");
		assertThatThrownBy(() -> merchants.get(shop.id(), otherStreet)).isInstanceOf(OutOfScopeException.class);
		assertThatThrownBy(() -> inspections.record(shop.id(),
				new MerchantInspectionEntry(List.of(new MerchantInspectionEntry.Choice(item("门前整洁"), null)), null),
				otherStreet))
			.isInstanceOf(OutOfScopeException.class);
		assertThat(merchants.get(shop.id(), accounts.principal("xingren")).name()).startsWith("范围测试");
	}

	@Test
	void thePublicBoardShowsRankingFinestAndStarsWithoutOwnersOrPhones() throws Exception {
		clock.setTo(Instant.parse("2026-06-20T04:00:00Z"));
		RegionView community = community(street());
		Merchant star = merchant(community, "星级面馆");
		Merchant plain = merchant(community, "普通杂货");
		// 20 points earned before June: one star (一星文明户 from 20)
		for (int i = 0; i < 4; i++) {
			inspect(star, Instant.parse("2026-05-0" + (i + 1) + "T02:00:00Z"), "参与城市管理志愿服务");
		}
		inspect(star, Instant.parse("2026-06-10T02:00:00Z"), "门前整洁");
		inspect(plain, Instant.parse("2026-06-10T02:00:00Z"), "乱贴乱挂、违规设置广告");

		mvc.perform(get("/m/" + community.code()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("星级面馆")))
			.andExpect(content().string(containsString("普通杂货")))
			.andExpect(content().string(containsString("6月最美商户")))
			.andExpect(content().string(containsString("一星文明户")))
			.andExpect(content().string(containsString("102")))
			.andExpect(content().string(containsString("98")))
			.andExpect(content().string(not(containsString("店主老李"))))
			.andExpect(content().string(not(containsString("13712345678"))))
			.andExpect(content().string(not(containsString("1234****"))));
		mvc.perform(get("/m/" + community.code()).param("month", "2026-05"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("5月最美商户")));
		mvc.perform(get("/m/" + community.code()).param("month", "2019-12"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("只能查看 2020 年 1 月至本月的排名")));
		mvc.perform(get("/m/" + community.code()).param("month", "2026-07")).andExpect(status().isBadRequest());
		mvc.perform(get("/m/" + community.code()).param("month", "七月")).andExpect(status().isBadRequest());
		mvc.perform(get("/m/370471001")).andExpect(status().isNotFound());
		mvc.perform(get("/m/" + community.code() + "/qr.png")).andExpect(status().isOk());
	}

	@Test
	void onlyAdministratorsChangeThePointsTable() throws Exception {
		mvc.perform(post("/engagement/merchants/points").param("name", "测试" + unique()).param("points", "3")
			.with(accounts.as("xingren")).with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post("/engagement/merchants/points").param("name", "测试" + unique()).param("points", "0")
			.with(accounts.as("admin")).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("不能为 0")));
		mvc.perform(get("/engagement/merchants/points").with(accounts.as("xingren")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("店外经营")))
			.andExpect(content().string(containsString("−5")));
	}

	@Test
	void staffRecordAMerchantAndAnInspectionThroughThePages() throws Exception {
		RegionView deren = regions.findByCode("370471001001").orElseThrow();
		String name = "页面测试店" + unique();
		String location = mvc.perform(post("/engagement/merchants").param("communityId", String.valueOf(deren.id()))
			.param("name", name).param("address", "兴仁路 99 号").param("ownerName", "李老板").param("phone", "13798765432")
			.param("businessType", "餐饮").param("duties", "APPEARANCE", "ORDER")
			.with(accounts.as("xingren")).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		assertThat(merchants.find(id).orElseThrow().duties()).containsExactly(FrontageDuty.APPEARANCE, FrontageDuty.ORDER);

		mvc.perform(post("/engagement/merchants").param("communityId", String.valueOf(deren.id())).param("name", "")
			.param("address", "兴仁路 99 号").param("duties", "ORDER").with(accounts.as("xingren")).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("请填写商户名称")));

		// the form lists the active items in table order; tick 门前整洁 (+2) and 店外经营 (−5)
		List<MerchantPointItem> active = items.active();
		int clean = active.indexOf(active.stream().filter(i -> i.name().equals("门前整洁")).findFirst().orElseThrow());
		int outside = active.indexOf(active.stream().filter(i -> i.name().equals("店外经营")).findFirst().orElseThrow());
		mvc.perform(post("/engagement/merchants/" + id + "/inspections")
			.param("lines[" + clean + "].itemId", String.valueOf(active.get(clean).id()))
			.param("lines[" + clean + "].chosen", "true")
			.param("lines[" + outside + "].itemId", String.valueOf(active.get(outside).id()))
			.param("lines[" + outside + "].chosen", "true")
			.param("lines[" + outside + "].remark", "门口摆放餐桌")
			.with(accounts.as("xingren")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/engagement/merchants/" + id).with(accounts.as("xingren")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("门口摆放餐桌")))
			.andExpect(content().string(containsString(">97<")))
			.andExpect(content().string(containsString("13798765432")));
		// 社区工作人员 are not among the roles that read phones in full
		mvc.perform(get("/engagement/merchants/" + id).with(accounts.as("deren")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("137****5432")))
			.andExpect(content().string(not(containsString("13798765432"))));
		mvc.perform(post("/engagement/merchants/" + id + "/inspections").with(accounts.as("xingren")).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("请至少勾选一项")));
		mvc.perform(get("/engagement/merchants").with(accounts.as("xingren")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(name)));
		mvc.perform(get("/engagement/merchants").param("regionId", String.valueOf(deren.id())).param("month", "2025-13")
			.with(accounts.as("xingren"))).andExpect(status().isBadRequest());
		mvc.perform(get("/engagement/merchants/new").with(accounts.as("deren"))).andExpect(status().isOk());
		mvc.perform(get("/engagement/merchants/" + id + "/edit").with(accounts.as("xingcheng")))
			.andExpect(status().isNotFound());
	}

}
