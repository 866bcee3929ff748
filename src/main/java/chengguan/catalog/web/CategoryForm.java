package chengguan.catalog.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import chengguan.catalog.CategoryRules;
import chengguan.catalog.CategoryView;
import chengguan.catalog.HandlingMode;
import chengguan.catalog.LimitBasis;

/** Time limits are typed in hours (halves allowed) and kept in minutes. */
record CategoryForm(@Pattern(regexp = "[A-Z0-9]{1,16}", message = "{category.code.pattern}") String code,
		@NotBlank @Size(max = 64) String name, @Min(0) @Max(9999) Integer sortOrder,
		@Size(max = 64) String responsibleDepartment, @NotNull HandlingMode handlingMode,
		@NotNull @Min(1) @Max(72 * 60) Integer acceptMinutes, @NotNull @Min(1) @Max(90 * 24 * 60) Integer handleMinutes,
		@NotNull LimitBasis limitBasis, @Size(max = 500) String legalBasis,
		@Pattern(regexp = "[a-z0-9-]{0,32}", message = "{category.icon.pattern}") String icon, Boolean active,
		Long version) {

	static CategoryForm of(CategoryView category) {
		return new CategoryForm(category.code(), category.name(), category.sortOrder(),
				category.responsibleDepartment(),
				category.handlingMode() == null ? HandlingMode.DISPATCHED : category.handlingMode(),
				category.acceptMinutes() == null ? 120 : category.acceptMinutes(),
				category.handleMinutes() == null ? 1440 : category.handleMinutes(),
				category.limitBasis() == null ? LimitBasis.WORKING : category.limitBasis(), category.legalBasis(),
				category.icon(), category.active(), category.version());
	}

	static CategoryForm childOf(CategoryView parent) {
		return new CategoryForm(parent.code(), "", 0, parent.responsibleDepartment(), HandlingMode.DISPATCHED, 120,
				1440, LimitBasis.WORKING, null, null, true, null);
	}

	CategoryRules rules() {
		return new CategoryRules(blankToNull(responsibleDepartment), handlingMode, acceptMinutes, handleMinutes,
				limitBasis, blankToNull(legalBasis), blankToNull(icon), Boolean.TRUE.equals(active));
	}

	int sort() {
		return sortOrder == null ? 0 : sortOrder;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
