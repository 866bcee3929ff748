package chengguan.engagement;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

import chengguan.platform.web.InvalidRequestException;

/** A merchant as staff enter it; {@link #checked()} returns it cleaned or refuses it with a Chinese reason. */
public record MerchantDetails(long communityId, String name, String address, String ownerName, String phone,
		String businessType, Set<FrontageDuty> duties) {

	static final int MAX_NAME = 100;

	static final int MAX_ADDRESS = 200;

	static final int MAX_OWNER = 32;

	static final int MAX_BUSINESS_TYPE = 32;

	private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{9,11}");

	public MerchantDetails {
		duties = duties == null || duties.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(duties));
	}

	MerchantDetails checked() {
		String cleanName = Volunteers.required(name, MAX_NAME, "merchant.name.required", "merchant.name.tooLong");
		String cleanAddress = Volunteers.required(address, MAX_ADDRESS, "merchant.address.required",
				"merchant.address.tooLong");
		String owner = Volunteers.optional(ownerName, MAX_OWNER, "merchant.owner.tooLong");
		String type = Volunteers.optional(businessType, MAX_BUSINESS_TYPE, "merchant.businessType.tooLong");
		String digits = Volunteers.clean(phone);
		if (digits != null) {
			digits = digits.replaceAll("[\\s-]", "");
			if (!PHONE.matcher(digits).matches()) {
				throw new InvalidRequestException("merchant.phone.invalid");
			}
		}
		if (duties.isEmpty()) {
			throw new InvalidRequestException("merchant.duties.required");
		}
		return new MerchantDetails(communityId, cleanName, cleanAddress, owner, digits, type, duties);
	}

}
