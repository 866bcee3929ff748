package chengguan.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Subjects ordered by their score on a block, best first, with the breakdown per indicator. Equal scores share a
 * rank and the next rank is skipped (1, 1, 3), as league tables do; equal subjects are listed by name.
 */
public record AssessmentRanking(Indicator block, Period period, AssessmentSubject.Kind kind, List<Row> rows) {

	public record Row(int rank, AssessmentSubject subject, IndicatorScore score) {

		public BigDecimal total() {
			return score.points();
		}

	}

	public static AssessmentRanking of(Indicator block, Period period, AssessmentSubject.Kind kind,
			List<Scored> scored) {
		List<Scored> ordered = scored.stream()
			.sorted(Comparator.comparing((Scored one) -> one.score().points()).reversed()
				.thenComparing(one -> one.subject().name()))
			.toList();
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < ordered.size(); i++) {
			Scored one = ordered.get(i);
			boolean tied = i > 0 && one.score().points().compareTo(ordered.get(i - 1).score().points()) == 0;
			rows.add(new Row(tied ? rows.get(i - 1).rank() : i + 1, one.subject(), one.score()));
		}
		return new AssessmentRanking(block, period, kind, rows);
	}

	/** A subject and its score, before ranking. */
	public record Scored(AssessmentSubject subject, IndicatorScore score) {
	}

}
