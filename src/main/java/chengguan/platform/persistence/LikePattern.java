package chengguan.platform.persistence;

/**
 * Turns what a person typed into a {@code LIKE ? ESCAPE '\'} pattern, so that their % and _ match themselves
 * instead of everything.
 */
public final class LikePattern {

	private LikePattern() {
	}

	public static String containing(String text) {
		return "%" + escape(text.strip()) + "%";
	}

	static String escape(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
