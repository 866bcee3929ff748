package chengguan.engagement;

import java.util.Optional;

/**
 * 星级文明户 by accumulated points: the bands live here and nowhere else; {@code merchant.star.*} in
 * messages.properties holds the Chinese names. Below the lowest band a merchant has no star.
 */
public enum MerchantStar {

	FIVE(5, 100), FOUR(4, 80), THREE(3, 60), TWO(2, 40), ONE(1, 20);

	private final int stars;

	private final int lowestPoints;

	MerchantStar(int stars, int lowestPoints) {
		this.stars = stars;
		this.lowestPoints = lowestPoints;
	}

	public int stars() {
		return stars;
	}

	public int lowestPoints() {
		return lowestPoints;
	}

	/** ★★★ for three stars. */
	public String symbols() {
		return "★".repeat(stars);
	}

	public static Optional<MerchantStar> of(int accumulatedPoints) {
		for (MerchantStar star : values()) {
			if (accumulatedPoints >= star.lowestPoints) {
				return Optional.of(star);
			}
		}
		return Optional.empty();
	}

}
