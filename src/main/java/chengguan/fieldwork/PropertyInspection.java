package chengguan.fieldwork;

import java.time.LocalDate;
import java.util.List;

/**
 * A property inspection 物业监督检查 of a compound and the company managing it on the day.
 *
 * @param noticeId its rectification notice, if one was issued
 */
public record PropertyInspection(long id, long compoundId, String compoundName, long companyId, String companyName,
		String checklistName, LocalDate date, String inspector, String inspectorName, int total, PropertyGrade grade,
		String note, List<Score> scores, Long noticeId) {

	public PropertyInspection {
		scores = List.copyOf(scores);
	}

	/** One item's score, with the item's name and maximum as they were on the day. */
	public record Score(int position, String itemName, int maxScore, int score, String remark) {

		public boolean deducted() {
			return score < maxScore;
		}

	}

	public boolean hasDeductions() {
		return scores.stream().anyMatch(Score::deducted);
	}

}
