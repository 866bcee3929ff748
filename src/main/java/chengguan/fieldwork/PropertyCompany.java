package chengguan.fieldwork;

/** A property company 物业服务企业; {@code regionPath} is where it was registered. */
public record PropertyCompany(long id, String name, String creditCode, String contactPerson, String phone,
		String regionPath, long version) {

}
