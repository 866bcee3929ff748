package chengguan.engagement.web;

import java.util.EnumSet;
import java.util.Set;

import chengguan.engagement.FrontageDuty;
import chengguan.engagement.Merchant;
import chengguan.engagement.MerchantDetails;

/** A merchant as staff enter it; a new merchant has all three duties ticked. */
public class MerchantForm {

	private Long communityId;

	private String name;

	private String address;

	private String ownerName;

	private String phone;

	private String businessType;

	private Set<FrontageDuty> duties = EnumSet.allOf(FrontageDuty.class);

	private long version;

	static MerchantForm of(Merchant merchant) {
		MerchantForm form = new MerchantForm();
		form.communityId = merchant.communityId();
		form.name = merchant.name();
		form.address = merchant.address();
		form.ownerName = merchant.ownerName();
		form.phone = merchant.phone();
		form.businessType = merchant.businessType();
		form.duties = EnumSet.copyOf(merchant.duties());
		form.version = merchant.version();
		return form;
	}

	MerchantDetails details() {
		return new MerchantDetails(communityId == null ? 0 : communityId, name, address, ownerName, phone,
				businessType, duties);
	}

	public Long getCommunityId() {
		return communityId;
	}

	public void setCommunityId(Long communityId) {
		this.communityId = communityId;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getAddress() {
		return address;
	}

	public void setAddress(String address) {
		this.address = address;
	}

	public String getOwnerName() {
		return ownerName;
	}

	public void setOwnerName(String ownerName) {
		this.ownerName = ownerName;
	}

	public String getPhone() {
		return phone;
	}

	public void setPhone(String phone) {
		this.phone = phone;
	}

	public String getBusinessType() {
		return businessType;
	}

	public void setBusinessType(String businessType) {
		this.businessType = businessType;
	}

	public Set<FrontageDuty> getDuties() {
		return duties;
	}

	public void setDuties(Set<FrontageDuty> duties) {
		this.duties = duties == null || duties.isEmpty() ? EnumSet.noneOf(FrontageDuty.class) : EnumSet.copyOf(duties);
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
