package chengguan.platform.security;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Residents' phone numbers, masked (138****0001) for everyone but the roles whose work needs them. Templates call
 * it as {@code @personalData.phone(...)}.
 */
@Component("personalData")
public class PersonalData {

	@ConfigurationProperties("chengguan.privacy")
	public record Settings(Set<Role> phoneVisibleTo) {

		public Settings {
			phoneVisibleTo = phoneVisibleTo == null || phoneVisibleTo.isEmpty()
					? Set.of(Role.DISPATCHER, Role.HANDLER, Role.LIAISON) : Set.copyOf(phoneVisibleTo);
		}

	}

	private final Settings settings;

	PersonalData(Settings settings) {
		this.settings = settings;
	}

	public String phone(String phone) {
		return mayReadPhones() ? phone : mask(phone);
	}

	public boolean mayReadPhones() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null) {
			return false;
		}
		return authentication.getAuthorities()
			.stream()
			.anyMatch(authority -> settings.phoneVisibleTo()
				.stream()
				.anyMatch(role -> role.authority().equals(authority.getAuthority())));
	}

	/** Keeps the first three and the last four digits of a mobile number, less of anything shorter. */
	public static String mask(String phone) {
		if (phone == null || phone.isBlank()) {
			return phone;
		}
		String value = phone.strip();
		if (value.length() >= 11) {
			return value.substring(0, 3) + "****" + value.substring(value.length() - 4);
		}
		if (value.length() > 4) {
			return "****" + value.substring(value.length() - 4);
		}
		return "****";
	}

}
