package chengguan.organization;

import java.math.BigDecimal;

/** The editable facts of a region node. */
public record RegionDetails(String code, String name, Integer population, Integer households, BigDecimal areaKm2,
		BigDecimal latitude, BigDecimal longitude, int sortOrder) {
}
