package chengguan.assessment;

import java.util.Locale;
import java.util.function.Function;

/**
 * Every KPI the platform reports, defined once: its Chinese name, the exact rule, which way is better and the
 * target where a document sets one. The help page (/assessment/kpis) shows these same texts, and every figure on
 * the dashboard comes from {@link #value(Figures)}. A case belongs to the period in which it was received (its
 * time of receipt in the platform's time zone); what happens to it later changes that period's figures.
 */
public enum Kpi {

	CLOSURE_RATE("办结率", Measure.PERCENT, Direction.HIGHER, 97.0,
			"已结案、已销号或以未评价结束的案件数 ÷ 本期收到的案件数。不予立案和已合并（重复）的案件不计入分子分母；"
					+ "返工中的案件（回访不满意后重新处置）不算办结。",
			"目标 97 %：淮北市城管进社区 2023 年上半年办结率 97.81 %（资料 003）。", Figures::closureRate),

	ON_TIME_CLOSURE_RATE("按期办结率", Measure.PERCENT, Direction.HIGHER, null,
			"办结案件中按期办结的件数 ÷ 办结案件数。按期：最后一次结案不晚于当时有效的处置时限（返工重新起算，"
					+ "挂起的时间顺延），且处置阶段从未被超期扫描标记为超期，且未经批准延期（延期的案件不算按期，另计“延期件数”）；"
					+ "没有处置时限的案件（如现场解决）视为按期。",
			null, Figures::onTimeClosureRate),

	SATISFACTION_RATE("满意率", Measure.PERCENT, Direction.HIGHER, 98.0,
			"（满意 + 基本满意）÷ 有居民回访评价的案件数，每件以最后一次评价为准（不满意后返工再评价的，以再评价为准）。"
					+ "工作人员电话回访记录的评价算评价；工作人员代为销号的、以“未评价”结束的不算评价（各自另计件数）；"
					+ "经批准认定为无理诉求或重复诉求的不计入（另计件数）；本期没有评价时显示“—”，不是 0 % 或 100 %。",
			"目标 98 %：淮北市群众满意率 98 %（资料 003）。", Figures::satisfactionRate),

	TIMELY_ACCEPTANCE_RATE("及时受理率", Measure.PERCENT, Direction.HIGHER, null,
			"在受理时限（accept_due_at）之前（含）受理的件数 ÷ 应受理的件数。现场解决视同受理；"
					+ "应受理：有受理时限、且已受理或已被超期扫描标记为受理超期的案件，仍在时限内待受理的不计。",
			null, Figures::timelyAcceptanceRate),

	REWORK_RATE("返工率", Measure.PERCENT, Direction.LOWER, null,
			"办结案件中返工过（核查不通过或回访不满意，返工次数 > 0）的件数 ÷ 办结案件数。", null, Figures::reworkRate),

	RESPONSE_AVERAGE("平均响应时长", Measure.MINUTES, Direction.LOWER, 30.0,
			"从收到诉求到首次受理（或现场解决）的时长的平均值，只计已受理的案件；按自然时间计，不扣除非工作时间。",
			"目标 30 分钟以内：赣州“吹哨报到”响应处置时间从平均 2 小时缩短至 30 分钟以内（资料 002）。",
			Figures::responseAverageMinutes),

	RESPONSE_P90("响应时长 P90", Measure.BUCKET_MINUTES, Direction.LOWER, null,
			"90 % 的已受理案件在此时长内受理。按固定分档统计（5、15、30 分钟，1、2、4、8、12 小时，1、2、3、5、7、14、30 天），"
					+ "取第 90 百分位（最近秩：第 ⌈0.9 × n⌉ 件）所在分档的上限。",
			null, Figures::responseP90Minutes),

	HANDLING_AVERAGE("平均处置时长", Measure.MINUTES, Direction.LOWER, null,
			"从首次派遣（未派遣的从立案起）到首次处置反馈的时长的平均值，只计已反馈的案件；现场解决的案件不计。",
			null, Figures::handlingAverageMinutes),

	HANDLING_P90("处置时长 P90", Measure.BUCKET_MINUTES, Direction.LOWER, null,
			"90 % 的已反馈案件在此时长内处置完毕，分档和取法同响应时长 P90。", null, Figures::handlingP90Minutes),

	VISIT_COMPLIANCE("走访达标率", Measure.PERCENT, Direction.HIGHER, null,
			"社区联络员 × 社区 × 本期，走访次数和天数达到该社区适用的走访规则（含上级继承的规则）的组合数 ÷ 组合总数。"
					+ "规则按周的，本期内每一周都须达标；本期未结束时按截至今日的走访计算；没有规则的社区、"
					+ "短于规则周期的统计周期（按月的规则按日、周统计）不计。",
			null, Figures::visitComplianceRate),

	HOTLINE_DIVERSION("诉求就地受理占比", Measure.PERCENT, Direction.HIGHER, null,
			"经扫码、接口、电话、现场接访、居委会/物业、社区吹哨进入的诉求件数 ÷（这些件数 + 12345 热线转来的件数），"
					+ "即 12345 分流占比；巡查发现和网格上报是主动发现，不计入。含不予立案和已合并的诉求。",
			null, Figures::hotlineDiversionRate);

	/** What the value is: a share, a time in minutes, or the upper bound of a minute bucket. */
	public enum Measure {

		PERCENT, MINUTES, BUCKET_MINUTES

	}

	public enum Direction {

		HIGHER, LOWER

	}

	private final String label;

	private final Measure measure;

	private final Direction direction;

	private final Double target;

	private final String rule;

	private final String targetSource;

	private final Function<Figures, Double> value;

	Kpi(String label, Measure measure, Direction direction, Double target, String rule, String targetSource,
			Function<Figures, Double> value) {
		this.label = label;
		this.measure = measure;
		this.direction = direction;
		this.target = target;
		this.rule = rule;
		this.targetSource = targetSource;
		this.value = value;
	}

	public String label() {
		return label;
	}

	public Measure measure() {
		return measure;
	}

	public Direction direction() {
		return direction;
	}

	/** In percent for shares, in minutes for times; null when no document sets one. */
	public Double target() {
		return target;
	}

	public String rule() {
		return rule;
	}

	public String targetSource() {
		return targetSource;
	}

	/** The KPI's value, or null when it has nothing to measure (no cases, no ratings …): shown as “—”. */
	public Double value(Figures figures) {
		return value.apply(figures);
	}

	/** Whether a value meets the target; null when there is no value or no target. */
	public Boolean meetsTarget(Double value) {
		if (value == null || target == null) {
			return null;
		}
		return direction == Direction.HIGHER ? value >= target : value <= target;
	}

	public String directionText() {
		return direction == Direction.HIGHER ? "越高越好" : "越低越好";
	}

	public String targetText() {
		if (target == null) {
			return "—";
		}
		return (direction == Direction.HIGHER ? "≥ " : "≤ ") + format(target);
	}

	/** 97.8 %, 1 小时 5 分, ≤ 2 小时; “—” for no value. */
	public String format(Double value) {
		if (value == null) {
			return "—";
		}
		return switch (measure) {
			case PERCENT -> String.format(Locale.ROOT, "%.1f %%", value);
			case MINUTES -> duration(value);
			case BUCKET_MINUTES -> value.isInfinite() ? "> " + duration(Figures.BUCKET_MINUTES[Figures.BUCKET_MINUTES.length - 2])
					: "≤ " + duration(value);
		};
	}

	static String duration(double minutes) {
		long total = Math.round(minutes);
		if (total < 60) {
			return total + " 分钟";
		}
		long days = total / 1440;
		long hours = total % 1440 / 60;
		long rest = total % 60;
		if (days > 0) {
			return days + " 天" + (hours > 0 ? " " + hours + " 小时" : "");
		}
		return hours + " 小时" + (rest > 0 ? " " + rest + " 分" : "");
	}

}
