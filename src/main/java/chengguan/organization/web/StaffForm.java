package chengguan.organization.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import chengguan.organization.StaffDetails;
import chengguan.organization.StaffView;

record StaffForm(@NotBlank @Size(max = 32) String name, @NotNull Long unitId, @Size(max = 64) String positionTitle,
		@Size(max = 32) @Pattern(regexp = "[0-9+\\- ]*", message = "{phone.pattern}") String phone,
		@Size(max = 64) String wechat, @Size(max = 1000) String duties, boolean active, Long version) {

	static StaffForm blank() {
		return new StaffForm("", null, "", "", "", "", true, null);
	}

	static StaffForm of(StaffView staff) {
		return new StaffForm(staff.name(), staff.unitId(), staff.positionTitle(), staff.phone(), staff.wechat(),
				staff.duties(), staff.active(), staff.version());
	}

	StaffDetails details() {
		return new StaffDetails(name.strip(), unitId, UnitForm.blankToNull(positionTitle), UnitForm.blankToNull(phone),
				UnitForm.blankToNull(wechat), UnitForm.blankToNull(duties), active);
	}

}
