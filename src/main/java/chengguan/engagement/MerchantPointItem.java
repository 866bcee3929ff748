package chengguan.engagement;

/**
 * A line of the points table (积分项目): what an inspection adds (门前整洁 +2) or deducts (店外经营 −5).
 * @param duty the 门前三包 duty it concerns, or null (e.g. taking part in volunteer work)
 * @param active retired items stay for past inspections but are no longer offered
 */
public record MerchantPointItem(long id, String name, FrontageDuty duty, int points, boolean active, int position,
		long version) {

	public boolean deduction() {
		return points < 0;
	}

	/** +2 or −5, as the tables print it. */
	public String signedPoints() {
		return points > 0 ? "+" + points : "−" + (-points);
	}

}
