package chengguan.organization.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import chengguan.organization.UnitDetails;
import chengguan.organization.UnitKind;
import chengguan.organization.UnitView;

record UnitForm(@NotNull UnitKind kind, @NotBlank @Size(max = 100) String name, @NotNull Long regionId,
		Long parentId,
		@Size(max = 32) @Pattern(regexp = "[0-9+\\- ]*", message = "{phone.pattern}") String phone,
		@Size(max = 200) String address, @Min(0) @Max(9999) Integer sortOrder, boolean active, Long version) {

	static UnitForm blank(long regionId) {
		return new UnitForm(UnitKind.DEPARTMENT, "", regionId, null, "", "", 0, true, null);
	}

	static UnitForm of(UnitView unit) {
		return new UnitForm(unit.kind(), unit.name(), unit.regionId(), unit.parentId(), unit.phone(), unit.address(),
				unit.sortOrder(), unit.active(), unit.version());
	}

	UnitDetails details() {
		return new UnitDetails(kind, name.strip(), regionId, parentId, blankToNull(phone), blankToNull(address),
				sortOrder == null ? 0 : sortOrder, active);
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
