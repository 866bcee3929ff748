package chengguan.organization.web;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import chengguan.organization.RegionDetails;
import chengguan.organization.RegionLevel;
import chengguan.organization.RegionView;

record RegionForm(
		@NotBlank @Size(max = 32) @Pattern(regexp = "[0-9A-Za-z-]*", message = "{region.code.pattern}") String code,
		@NotBlank @Size(max = 64) String name, @Min(0) @Max(100_000_000) Integer population,
		@Min(0) @Max(50_000_000) Integer households,
		@DecimalMin("0") @DecimalMax("100000") BigDecimal areaKm2,
		@DecimalMin("-90") @DecimalMax("90") BigDecimal latitude,
		@DecimalMin("-180") @DecimalMax("180") BigDecimal longitude, @Min(0) @Max(9999) Integer sortOrder,
		RegionLevel level, Long version) {

	static RegionForm of(RegionView region) {
		return new RegionForm(region.code(), region.name(), region.population(), region.households(),
				region.areaKm2(), region.latitude(), region.longitude(), region.sortOrder(), region.level(),
				region.version());
	}

	static RegionForm blankChildOf(RegionView parent) {
		RegionLevel first = parent.level().childLevels().stream().findFirst().orElse(null);
		return new RegionForm("", "", null, null, null, null, null, 0, first, null);
	}

	RegionDetails details() {
		return new RegionDetails(code.strip(), name.strip(), population, households, areaKm2, latitude, longitude,
				sortOrder == null ? 0 : sortOrder);
	}

}
