package chengguan.fieldwork;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import chengguan.platform.web.InvalidRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scoring against the default checklist (20, 15, 15, 15, 15, 10, 10) and the grade bands at their edges. */
class PropertyScoringTest {

	private static final PropertyChecklist DEFAULT = new PropertyChecklist(1, "物业服务监督检查表", true, 0,
			List.of(new PropertyChecklist.Item("环境卫生", 20), new PropertyChecklist.Item("绿化养护", 15),
					new PropertyChecklist.Item("公共设施", 15), new PropertyChecklist.Item("消防通道", 15),
					new PropertyChecklist.Item("垃圾分类", 15), new PropertyChecklist.Item("违建与装修管理", 10),
					new PropertyChecklist.Item("服务公示", 10)));

	/** Scores in checklist order; every item below its maximum gets a remark. */
	private static List<PropertyChecklist.ItemScore> scores(int... points) {
		List<PropertyChecklist.ItemScore> scores = new ArrayList<>();
		for (int i = 0; i < points.length; i++) {
			scores.add(new PropertyChecklist.ItemScore(points[i],
					points[i] < DEFAULT.items().get(i).maxScore() ? "存在问题" : null));
		}
		return scores;
	}

	@Test
	void fullMarksAreAHundredAndExcellent() {
		PropertyChecklist.ScoreSheet sheet = DEFAULT.score(scores(20, 15, 15, 15, 15, 10, 10));
		assertThat(sheet.total()).isEqualTo(100);
		assertThat(sheet.grade()).isEqualTo(PropertyGrade.EXCELLENT);
	}

	@Test
	void theTotalIsTheSumAndTheGradeChangesExactlyAtNinetyEightyAndSixty() {
		// 18+14+14+15+12+9+8 = 90
		assertThat(DEFAULT.score(scores(18, 14, 14, 15, 12, 9, 8))).satisfies(sheet -> {
			assertThat(sheet.total()).isEqualTo(90);
			assertThat(sheet.grade()).isEqualTo(PropertyGrade.EXCELLENT);
		});
		// 18+14+13+15+12+9+8 = 89
		assertThat(DEFAULT.score(scores(18, 14, 13, 15, 12, 9, 8))).satisfies(sheet -> {
			assertThat(sheet.total()).isEqualTo(89);
			assertThat(sheet.grade()).isEqualTo(PropertyGrade.GOOD);
		});
		// 16+12+12+12+12+8+8 = 80
		assertThat(DEFAULT.score(scores(16, 12, 12, 12, 12, 8, 8)).grade()).isEqualTo(PropertyGrade.GOOD);
		// 16+12+12+12+12+8+7 = 79
		assertThat(DEFAULT.score(scores(16, 12, 12, 12, 12, 8, 7)).grade()).isEqualTo(PropertyGrade.PASS);
		// 12+9+9+9+9+6+6 = 60
		assertThat(DEFAULT.score(scores(12, 9, 9, 9, 9, 6, 6))).satisfies(sheet -> {
			assertThat(sheet.total()).isEqualTo(60);
			assertThat(sheet.grade()).isEqualTo(PropertyGrade.PASS);
		});
		// 12+9+9+9+9+6+5 = 59
		assertThat(DEFAULT.score(scores(12, 9, 9, 9, 9, 6, 5))).satisfies(sheet -> {
			assertThat(sheet.total()).isEqualTo(59);
			assertThat(sheet.grade()).isEqualTo(PropertyGrade.FAIL);
		});
		assertThat(DEFAULT.score(scores(0, 0, 0, 0, 0, 0, 0)).grade()).isEqualTo(PropertyGrade.FAIL);
	}

	@Test
	void theBandsAreTheOnesTheBureauUses() {
		assertThat(PropertyGrade.of(100)).isEqualTo(PropertyGrade.EXCELLENT);
		assertThat(PropertyGrade.of(90)).isEqualTo(PropertyGrade.EXCELLENT);
		assertThat(PropertyGrade.of(89)).isEqualTo(PropertyGrade.GOOD);
		assertThat(PropertyGrade.of(80)).isEqualTo(PropertyGrade.GOOD);
		assertThat(PropertyGrade.of(79)).isEqualTo(PropertyGrade.PASS);
		assertThat(PropertyGrade.of(60)).isEqualTo(PropertyGrade.PASS);
		assertThat(PropertyGrade.of(59)).isEqualTo(PropertyGrade.FAIL);
	}

	@Test
	void eachItemKeepsItsNameMaximumScoreAndRemark() {
		PropertyChecklist.ScoreSheet sheet = DEFAULT.score(scores(20, 15, 15, 12, 15, 10, 10));
		assertThat(sheet.scores().get(3)).isEqualTo(new PropertyInspection.Score(3, "消防通道", 15, 12, "存在问题"));
		assertThat(sheet.scores().get(0).remark()).isNull();
		assertThat(sheet.scores().get(0).deducted()).isFalse();
		assertThat(sheet.total()).isEqualTo(97);
	}

	@Test
	void aDeductionWithoutARemarkIsRefused() {
		List<PropertyChecklist.ItemScore> entered = scores(20, 15, 15, 15, 15, 10, 10);
		entered.set(1, new PropertyChecklist.ItemScore(13, "  "));
		assertThatThrownBy(() -> DEFAULT.score(entered)).isInstanceOf(InvalidRequestException.class)
			.hasFieldOrPropertyWithValue("messageCode", "property.score.remarkRequired")
			.satisfies(ex -> assertThat(((InvalidRequestException) ex).arguments()).containsExactly("绿化养护"));
	}

	@Test
	void aScoreAboveTheItemsMaximumOrBelowZeroIsRefused() {
		assertThatThrownBy(() -> DEFAULT.score(scores(21, 15, 15, 15, 15, 10, 10)))
			.hasFieldOrPropertyWithValue("messageCode", "property.score.outOfRange")
			.satisfies(ex -> assertThat(((InvalidRequestException) ex).arguments()).containsExactly("环境卫生", 20));
		assertThatThrownBy(() -> DEFAULT.score(scores(20, 15, 15, 15, 15, 10, 11)))
			.hasFieldOrPropertyWithValue("messageCode", "property.score.outOfRange");
		assertThatThrownBy(() -> DEFAULT.score(scores(20, 15, 15, -1, 15, 10, 10)))
			.hasFieldOrPropertyWithValue("messageCode", "property.score.outOfRange");
	}

	@Test
	void aMissingScoreOrAScoreSheetForAnotherChecklistIsRefused() {
		List<PropertyChecklist.ItemScore> entered = scores(20, 15, 15, 15, 15, 10, 10);
		entered.set(6, new PropertyChecklist.ItemScore(null, null));
		assertThatThrownBy(() -> DEFAULT.score(entered)).hasFieldOrPropertyWithValue("messageCode",
				"property.score.required");
		assertThatThrownBy(() -> DEFAULT.score(scores(20, 15, 15))).hasFieldOrPropertyWithValue("messageCode",
				"property.checklist.changed");
	}

	@Test
	void aChecklistMustAddUpToAHundred() {
		assertThatThrownBy(() -> PropertyChecklist.check("检查表", List.of(new PropertyChecklist.Item("环境卫生", 60),
				new PropertyChecklist.Item("消防通道", 30))))
			.hasFieldOrPropertyWithValue("messageCode", "property.checklist.total")
			.satisfies(ex -> assertThat(((InvalidRequestException) ex).arguments()).containsExactly(90));
		PropertyChecklist.check("检查表", List.of(new PropertyChecklist.Item("环境卫生", 60),
				new PropertyChecklist.Item("消防通道", 40)));
	}

	@Test
	void aCreditCodeHasEighteenCharactersAndAMatchingCheckCharacter() {
		// a widely cited sample code; its check character works out to 3
		assertThat(PropertyCompanyDetails.validCreditCode("91350100M000100Y43")).isTrue();
		assertThat(PropertyCompanyDetails.validCreditCode("91350100M000100Y44")).isFalse();
		assertThat(PropertyCompanyDetails.validCreditCode("91350100M000100Y4")).isFalse();
		// I, O, S, V, Z are not used
		assertThat(PropertyCompanyDetails.validCreditCode("91350100M00O100Y43")).isFalse();
		assertThatThrownBy(() -> new PropertyCompanyDetails("某物业", "12345", null, null).check())
			.hasFieldOrPropertyWithValue("messageCode", "property.company.creditCode");
		new PropertyCompanyDetails("某物业", " 91350100m000100y43 ", null, null).check();
		new PropertyCompanyDetails("某物业", "", null, null).check();
	}

}
