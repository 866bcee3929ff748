package chengguan.organization;

import java.math.BigDecimal;

public record RegionView(long id, Long parentId, RegionLevel level, String code, String name, String path,
		Integer population, Integer households, BigDecimal areaKm2, BigDecimal latitude, BigDecimal longitude,
		int sortOrder, Long version) {

	/** Nesting depth, 0 for the root; used to indent lists. */
	public int depth() {
		return (int) path.chars().filter(c -> c == '/').count() - 2;
	}

}
