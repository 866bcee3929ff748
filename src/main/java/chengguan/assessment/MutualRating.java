package chengguan.assessment;

import java.time.YearMonth;

/** One community's rating of one liaison or squadron for a month: 1–5 on each aspect, and a comment. */
public record MutualRating(long communityId, YearMonth month, MutualRatingTarget.Kind targetKind, long targetId,
		int attitude, int responsiveness, int effectiveness, String comment) {

	/** The mean of the three aspects. */
	public double average() {
		return (attitude + responsiveness + effectiveness) / 3.0;
	}

}
