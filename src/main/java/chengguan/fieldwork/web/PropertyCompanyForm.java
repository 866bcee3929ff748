package chengguan.fieldwork.web;

import chengguan.fieldwork.PropertyCompany;
import chengguan.fieldwork.PropertyCompanyDetails;

/** A property company as an administrator edits it. */
public class PropertyCompanyForm {

	private String name;

	private String creditCode;

	private String contactPerson;

	private String phone;

	private long version;

	static PropertyCompanyForm of(PropertyCompany company) {
		PropertyCompanyForm form = new PropertyCompanyForm();
		form.name = company.name();
		form.creditCode = company.creditCode();
		form.contactPerson = company.contactPerson();
		form.phone = company.phone();
		form.version = company.version();
		return form;
	}

	PropertyCompanyDetails details() {
		return new PropertyCompanyDetails(name, creditCode, contactPerson, phone);
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getCreditCode() {
		return creditCode;
	}

	public void setCreditCode(String creditCode) {
		this.creditCode = creditCode;
	}

	public String getContactPerson() {
		return contactPerson;
	}

	public void setContactPerson(String contactPerson) {
		this.contactPerson = contactPerson;
	}

	public String getPhone() {
		return phone;
	}

	public void setPhone(String phone) {
		this.phone = phone;
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
