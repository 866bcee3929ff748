package chengguan.platform.history;

import java.util.List;

/**
 * An append-only table that anchors cover: each anchor holds its highest row id, its row count and a digest rolled
 * over every row's tag in id order. Plain data (no database access of its own), so the migration that writes the
 * first anchor can use it before the application's beans exist.
 *
 * @param table          the table
 * @param targetType     what the check names when rows of this table do not add up ({@code case}, {@code audit})
 * @param targetColumn   the column naming that target (e.g. {@code case_id}); null names the row itself
 * @param tagColumns     what a row's tag is made of: its MAC or hash, plus its content where it has none
 * @param keyedCondition true for rows sealed with the key (the others are legacy)
 */
public record AnchoredTable(String table, String targetType, String targetColumn, List<String> tagColumns,
		String keyedCondition) {

	public AnchoredTable {
		tagColumns = List.copyOf(tagColumns);
	}

}
