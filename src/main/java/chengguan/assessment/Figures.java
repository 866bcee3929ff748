package chengguan.assessment;

import java.util.Arrays;

/**
 * Sums over a set of cases (one rollup row, or many added up) from which every {@link Kpi} is computed. Visit
 * figures come from field work, not from cases, and are added with {@link #withVisits}.
 *
 * @param received every case received, whatever became of it
 * @param counted received, not declined and not merged: the cases the rates are about
 * @param responseHistogram measured response times per {@link #BUCKET_MINUTES} bucket
 * @param workflow the counts shown beside the rates (延期, 未评价, 人工销号, 无理/重复, 超时报到)
 */
public record Figures(long received, long counted, long closed, long closedOnTime, long reworked, long rated,
		long satisfied, long acceptMeasured, long acceptedOnTime, long residentLocal, long hotline, long responseCount,
		long responseSeconds, long handlingCount, long handlingSeconds, long[] responseHistogram,
		long[] handlingHistogram, long visitPairs, long visitPairsMet, WorkflowCounts workflow) {

	/**
	 * Cases the rates treat specially, counted apart so that nothing leaves a rate silently.
	 * @param extended closed or not, its deadline was extended (延期): never closed on time
	 * @param unrated ended 未评价: nobody rated it within the 回访 period; neither satisfied nor rated
	 * @param archivedByStaff 销号 by staff, not rated by the resident
	 * @param excluded approved as 无理诉求 or 重复诉求: out of the satisfaction rate
	 * @param lateWhistles whistled units that reported in late or not at all (超时报到)
	 */
	public record WorkflowCounts(long extended, long unrated, long archivedByStaff, long excluded, long lateWhistles) {

		public static final WorkflowCounts NONE = new WorkflowCounts(0, 0, 0, 0, 0);

		WorkflowCounts plus(WorkflowCounts other) {
			return new WorkflowCounts(extended + other.extended, unrated + other.unrated,
					archivedByStaff + other.archivedByStaff, excluded + other.excluded, lateWhistles + other.lateWhistles);
		}

	}

	public Figures {
		workflow = workflow == null ? WorkflowCounts.NONE : workflow;
	}

	/** Figures without the workflow counts (sample data, figures from before issue 16). */
	public Figures(long received, long counted, long closed, long closedOnTime, long reworked, long rated,
			long satisfied, long acceptMeasured, long acceptedOnTime, long residentLocal, long hotline,
			long responseCount, long responseSeconds, long handlingCount, long handlingSeconds,
			long[] responseHistogram, long[] handlingHistogram, long visitPairs, long visitPairsMet) {
		this(received, counted, closed, closedOnTime, reworked, rated, satisfied, acceptMeasured, acceptedOnTime,
				residentLocal, hotline, responseCount, responseSeconds, handlingCount, handlingSeconds,
				responseHistogram, handlingHistogram, visitPairs, visitPairsMet, WorkflowCounts.NONE);
	}

	/** Upper bounds (inclusive) of the time buckets in minutes; the last one is open. */
	public static final long[] BUCKET_MINUTES = { 5, 15, 30, 60, 120, 240, 480, 720, 1440, 2880, 4320, 7200, 10080,
			20160, 43200, Long.MAX_VALUE };

	public static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
			new long[BUCKET_MINUTES.length], new long[BUCKET_MINUTES.length], 0, 0);

	/** The bucket a duration falls in. */
	public static int bucket(long seconds) {
		for (int i = 0; i < BUCKET_MINUTES.length - 1; i++) {
			if (seconds <= BUCKET_MINUTES[i] * 60) {
				return i;
			}
		}
		return BUCKET_MINUTES.length - 1;
	}

	public Figures plus(Figures other) {
		return new Figures(received + other.received, counted + other.counted, closed + other.closed,
				closedOnTime + other.closedOnTime, reworked + other.reworked, rated + other.rated,
				satisfied + other.satisfied, acceptMeasured + other.acceptMeasured,
				acceptedOnTime + other.acceptedOnTime, residentLocal + other.residentLocal, hotline + other.hotline,
				responseCount + other.responseCount, responseSeconds + other.responseSeconds,
				handlingCount + other.handlingCount, handlingSeconds + other.handlingSeconds,
				add(responseHistogram, other.responseHistogram), add(handlingHistogram, other.handlingHistogram),
				visitPairs + other.visitPairs, visitPairsMet + other.visitPairsMet, workflow.plus(other.workflow));
	}

	public Figures withVisits(long pairs, long met) {
		return new Figures(received, counted, closed, closedOnTime, reworked, rated, satisfied, acceptMeasured,
				acceptedOnTime, residentLocal, hotline, responseCount, responseSeconds, handlingCount, handlingSeconds,
				responseHistogram, handlingHistogram, pairs, met, workflow);
	}

	Double closureRate() {
		return percent(closed, counted);
	}

	Double onTimeClosureRate() {
		return percent(closedOnTime, closed);
	}

	Double satisfactionRate() {
		return percent(satisfied, rated);
	}

	Double timelyAcceptanceRate() {
		return percent(acceptedOnTime, acceptMeasured);
	}

	Double reworkRate() {
		return percent(reworked, closed);
	}

	Double responseAverageMinutes() {
		return responseCount == 0 ? null : responseSeconds / 60.0 / responseCount;
	}

	Double handlingAverageMinutes() {
		return handlingCount == 0 ? null : handlingSeconds / 60.0 / handlingCount;
	}

	Double responseP90Minutes() {
		return p90(responseHistogram);
	}

	Double handlingP90Minutes() {
		return p90(handlingHistogram);
	}

	Double visitComplianceRate() {
		return percent(visitPairsMet, visitPairs);
	}

	Double hotlineDiversionRate() {
		return percent(residentLocal, residentLocal + hotline);
	}

	/** Nearest rank: the bucket holding case number ⌈0.9 n⌉ in time order; its upper bound (infinite if open). */
	private static Double p90(long[] histogram) {
		long n = Arrays.stream(histogram).sum();
		if (n == 0) {
			return null;
		}
		long rank = (9 * n + 9) / 10;
		long seen = 0;
		for (int i = 0; i < histogram.length; i++) {
			seen += histogram[i];
			if (seen >= rank) {
				return i == histogram.length - 1 ? Double.POSITIVE_INFINITY : (double) BUCKET_MINUTES[i];
			}
		}
		throw new IllegalStateException("unreachable: the rank is at most the total");
	}

	private static Double percent(long part, long whole) {
		return whole == 0 ? null : 100.0 * part / whole;
	}

	private static long[] add(long[] a, long[] b) {
		long[] sum = new long[a.length];
		for (int i = 0; i < a.length; i++) {
			sum[i] = a[i] + b[i];
		}
		return sum;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof Figures f && received == f.received && counted == f.counted && closed == f.closed
				&& closedOnTime == f.closedOnTime && reworked == f.reworked && rated == f.rated
				&& satisfied == f.satisfied && acceptMeasured == f.acceptMeasured
				&& acceptedOnTime == f.acceptedOnTime && residentLocal == f.residentLocal && hotline == f.hotline
				&& responseCount == f.responseCount && responseSeconds == f.responseSeconds
				&& handlingCount == f.handlingCount && handlingSeconds == f.handlingSeconds
				&& Arrays.equals(responseHistogram, f.responseHistogram)
				&& Arrays.equals(handlingHistogram, f.handlingHistogram) && visitPairs == f.visitPairs
				&& visitPairsMet == f.visitPairsMet && workflow.equals(f.workflow);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(new long[] { received, counted, closed, rated, Arrays.hashCode(responseHistogram) });
	}

	@Override
	public String toString() {
		return "Figures[received=" + received + ", counted=" + counted + ", closed=" + closed + ", closedOnTime="
				+ closedOnTime + ", reworked=" + reworked + ", rated=" + rated + ", satisfied=" + satisfied
				+ ", acceptMeasured=" + acceptMeasured + ", acceptedOnTime=" + acceptedOnTime + ", residentLocal="
				+ residentLocal + ", hotline=" + hotline + ", response=" + responseCount + "/" + responseSeconds + "s "
				+ Arrays.toString(responseHistogram) + ", handling=" + handlingCount + "/" + handlingSeconds + "s "
				+ Arrays.toString(handlingHistogram) + ", visits=" + visitPairsMet + "/" + visitPairs + ", " + workflow
				+ "]";
	}

}
