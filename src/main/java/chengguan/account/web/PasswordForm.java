package chengguan.account.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record PasswordForm(@NotBlank @Size(max = 128) String currentPassword, @NotBlank @Size(max = 128) String newPassword,
		@NotBlank @Size(max = 128) String confirmPassword) {
}
