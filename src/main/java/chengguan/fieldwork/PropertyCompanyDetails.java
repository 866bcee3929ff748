package chengguan.fieldwork;

import chengguan.platform.web.InvalidRequestException;

/**
 * A property company 物业服务企业 as an administrator enters it; blanks become null and the credit code is read in
 * capitals.
 *
 * @param creditCode 统一社会信用代码, optional
 */
public record PropertyCompanyDetails(String name, String creditCode, String contactPerson, String phone) {

	/** GB 32100-2015: digits and capitals without I, O, S, V, Z. */
	private static final String CREDIT_CODE_CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	public PropertyCompanyDetails {
		name = blankToNull(name);
		creditCode = blankToNull(creditCode) == null ? null : creditCode.strip().toUpperCase(java.util.Locale.ROOT);
		contactPerson = blankToNull(contactPerson);
		phone = blankToNull(phone);
	}

	void check() {
		if (name == null || name.length() > 100) {
			throw new InvalidRequestException("property.company.name");
		}
		if (creditCode != null && !validCreditCode(creditCode)) {
			throw new InvalidRequestException("property.company.creditCode");
		}
		if (contactPerson != null && contactPerson.length() > 32) {
			throw new InvalidRequestException("property.company.contactPerson");
		}
		if (phone != null && !phone.matches("[0-9+\\- ]{5,32}")) {
			throw new InvalidRequestException("property.company.phone");
		}
	}

	/** 18 characters whose last is the check character over the first 17 (weights 3^i mod 31). */
	static boolean validCreditCode(String code) {
		if (code == null || code.length() != 18) {
			return false;
		}
		int sum = 0;
		int weight = 1;
		for (int i = 0; i < 17; i++) {
			int value = CREDIT_CODE_CHARACTERS.indexOf(code.charAt(i));
			if (value < 0) {
				return false;
			}
			sum += value * weight;
			weight = weight * 3 % 31;
		}
		return code.charAt(17) == CREDIT_CODE_CHARACTERS.charAt((31 - sum % 31) % 31);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
