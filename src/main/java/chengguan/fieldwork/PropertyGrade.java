package chengguan.fieldwork;

/**
 * The grade of a property inspection by its total out of 100: the bands live here and nowhere else;
 * {@code property.grade.*} in messages.properties holds the Chinese names.
 */
public enum PropertyGrade {

	/** 优秀 */
	EXCELLENT(90),
	/** 良好 */
	GOOD(80),
	/** 合格 */
	PASS(60),
	/** 不合格 */
	FAIL(0);

	private final int lowestTotal;

	PropertyGrade(int lowestTotal) {
		this.lowestTotal = lowestTotal;
	}

	public int lowestTotal() {
		return lowestTotal;
	}

	public static PropertyGrade of(int total) {
		for (PropertyGrade grade : values()) {
			if (total >= grade.lowestTotal) {
				return grade;
			}
		}
		return FAIL;
	}

}
