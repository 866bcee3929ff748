package chengguan.assessment;

/** Someone a community rates in 双向评价: one of its liaisons (STAFF) or the squadron they belong to (UNIT). */
public record MutualRatingTarget(Kind kind, long id, String name) {

	public enum Kind {

		STAFF("联络员"), UNIT("中队");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

}
