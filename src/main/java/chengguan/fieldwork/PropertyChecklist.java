package chengguan.fieldwork;

import java.util.ArrayList;
import java.util.List;

import chengguan.platform.web.InvalidRequestException;

/**
 * An inspection checklist 检查表: named items, each with its maximum score, adding up to 100 so that the grade
 * bands mean the same on every checklist. It scores an inspection against its items.
 */
public record PropertyChecklist(long id, String name, boolean isDefault, long version, List<Item> items) {

	public static final int FULL_MARKS = 100;

	public PropertyChecklist {
		items = List.copyOf(items);
	}

	public record Item(String name, int maxScore) {

	}

	/** One item's score as the inspector enters it; a remark says why points were deducted. */
	public record ItemScore(Integer score, String remark) {

	}

	/** The scored items (name and maximum copied), the total and its grade. */
	public record ScoreSheet(List<PropertyInspection.Score> scores, int total, PropertyGrade grade) {

	}

	/**
	 * Scores one entry per item, in the checklist's order: each 0 to the item's maximum, and a remark wherever
	 * points are deducted.
	 */
	public ScoreSheet score(List<ItemScore> entered) {
		if (entered == null || entered.size() != items.size()) {
			throw new InvalidRequestException("property.checklist.changed");
		}
		List<PropertyInspection.Score> scores = new ArrayList<>(items.size());
		int total = 0;
		for (int position = 0; position < items.size(); position++) {
			Item item = items.get(position);
			ItemScore score = entered.get(position);
			if (score == null || score.score() == null) {
				throw new InvalidRequestException("property.score.required", item.name());
			}
			if (score.score() < 0 || score.score() > item.maxScore()) {
				throw new InvalidRequestException("property.score.outOfRange", item.name(), item.maxScore());
			}
			String remark = score.remark() == null || score.remark().isBlank() ? null : score.remark().strip();
			if (score.score() < item.maxScore() && remark == null) {
				throw new InvalidRequestException("property.score.remarkRequired", item.name());
			}
			if (remark != null && remark.length() > 500) {
				throw new InvalidRequestException("property.score.remarkTooLong", item.name());
			}
			scores.add(new PropertyInspection.Score(position, item.name(), item.maxScore(), score.score(), remark));
			total += score.score();
		}
		return new ScoreSheet(scores, total, PropertyGrade.of(total));
	}

	/** Refuses a checklist without a name, without items, or whose maxima do not add up to 100. */
	static void check(String name, List<Item> items) {
		if (name == null || name.isBlank() || name.strip().length() > 100) {
			throw new InvalidRequestException("property.checklist.name");
		}
		if (items == null || items.isEmpty() || items.size() > 30) {
			throw new InvalidRequestException("property.checklist.items");
		}
		int total = 0;
		for (Item item : items) {
			if (item.name() == null || item.name().isBlank() || item.name().strip().length() > 100 || item.maxScore() < 1
					|| item.maxScore() > FULL_MARKS) {
				throw new InvalidRequestException("property.checklist.item");
			}
			total += item.maxScore();
		}
		if (total != FULL_MARKS) {
			throw new InvalidRequestException("property.checklist.total", total);
		}
	}

}
