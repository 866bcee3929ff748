package chengguan.cases;

import org.springframework.boot.context.properties.ConfigurationProperties;

import chengguan.calendar.LimitUnit;
import chengguan.calendar.TimeLimit;

/**
 * Limits of the stages the catalog does not time (受理 and 处置 come from each category).
 * Defaults: 立案 2 working hours, 派遣 1 working hour, 核查 1 working day, 回访 3 working days.
 */
@ConfigurationProperties("chengguan.cases.stage-limits")
public record StageLimits(Limit register, Limit dispatch, Limit verify, Limit visit) {

	public record Limit(long amount, LimitUnit unit) {

		public Limit {
			if (amount < 1 || unit == null) {
				throw new IllegalArgumentException("A stage limit needs an amount of at least 1 and a unit");
			}
		}

		TimeLimit timeLimit() {
			return TimeLimit.hours(amount, unit);
		}

	}

	public StageLimits {
		register = register == null ? new Limit(2, LimitUnit.WORKING_HOURS) : register;
		dispatch = dispatch == null ? new Limit(1, LimitUnit.WORKING_HOURS) : dispatch;
		verify = verify == null ? new Limit(1, LimitUnit.WORKING_DAYS) : verify;
		visit = visit == null ? new Limit(3, LimitUnit.WORKING_DAYS) : visit;
	}

	/** The configured limit of a stage, or null for the stages whose limit comes from the category. */
	TimeLimit of(CaseStage stage) {
		return switch (stage) {
			case REGISTER -> register.timeLimit();
			case DISPATCH -> dispatch.timeLimit();
			case VERIFY -> verify.timeLimit();
			case VISIT -> visit.timeLimit();
			default -> null;
		};
	}

}
