package chengguan.assessment;

/** Who is assessed: a community, a squadron (中队) or a liaison (联络员). */
public record AssessmentSubject(Kind kind, long id, String name, String detail) {

	public enum Kind {

		COMMUNITY("社区"), SQUADRON("中队"), LIAISON("联络员");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

}
