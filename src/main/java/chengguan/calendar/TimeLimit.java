package chengguan.calendar;

/**
 * A time limit. For the hour units the quantity is in minutes (the catalog keeps limits in minutes, e.g. 30 minutes
 * to accept); for {@link LimitUnit#WORKING_DAYS} it is in days.
 */
public record TimeLimit(LimitUnit unit, long quantity) {

	public TimeLimit {
		if (unit == null || quantity < 0) {
			throw new IllegalArgumentException("A time limit needs a unit and a quantity of zero or more");
		}
	}

	public static TimeLimit hours(long amount, LimitUnit unit) {
		return unit == LimitUnit.WORKING_DAYS ? new TimeLimit(unit, amount) : new TimeLimit(unit, amount * 60);
	}

	/**
	 * A catalog limit in minutes: natural time, or working time; a working limit of whole days (a multiple of 24 h,
	 * e.g. 4320 minutes) means that many working days, as bureaus write "3 个工作日", not 72 working hours.
	 */
	public static TimeLimit ofMinutes(long minutes, boolean working) {
		if (!working) {
			return new TimeLimit(LimitUnit.NATURAL_HOURS, minutes);
		}
		return minutes > 0 && minutes % 1440 == 0 ? new TimeLimit(LimitUnit.WORKING_DAYS, minutes / 1440)
				: new TimeLimit(LimitUnit.WORKING_HOURS, minutes);
	}

	/** In words: 4 小时, 2 工作小时 30 分, 3 个工作日. */
	public String label() {
		if (unit == LimitUnit.WORKING_DAYS) {
			return quantity + " 个工作日";
		}
		String hours = quantity / 60 + (unit == LimitUnit.WORKING_HOURS ? " 工作小时" : " 小时");
		return quantity % 60 == 0 ? hours : quantity < 60 ? quantity + " 分钟" : hours + " " + quantity % 60 + " 分";
	}

}
