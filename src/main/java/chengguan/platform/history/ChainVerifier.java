package chengguan.platform.history;

import java.util.List;

/** Checks the rows of one append-only table: every MAC, and whatever chains the table keeps (e.g. per case). */
public interface ChainVerifier {

	String table();

	/**
	 * @param firstKeyedId from this row id on every row must be sealed with the key; an older-style row there was
	 *                     written (or rewritten) by someone without it
	 */
	Report verify(long firstKeyedId);

	/** @param targets how many cases (or rows) were checked */
	record Report(long rows, long targets, List<Finding> findings) {
	}

}
