package chengguan.organization;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A person on the roster 驻点执法人员名录清单. */
@Table("staff")
public class Staff {

	@Id
	private Long id;

	private String name;

	private long unitId;

	private String positionTitle;

	private String phone;

	private String wechat;

	private String duties;

	private String photoFileId;

	private boolean active = true;

	@Version
	private Long version;

	Staff() {
	}

	static Staff create(StaffDetails details) {
		Staff staff = new Staff();
		staff.apply(details);
		return staff;
	}

	void apply(StaffDetails details) {
		this.name = details.name();
		this.unitId = details.unitId();
		this.positionTitle = details.positionTitle();
		this.phone = details.phone();
		this.wechat = details.wechat();
		this.duties = details.duties();
		this.active = details.active();
	}

	/** @return the id of the photo this one replaces, if any */
	String replacePhoto(String fileId) {
		String previous = photoFileId;
		this.photoFileId = fileId;
		return previous;
	}

	Long id() {
		return id;
	}

	long unitId() {
		return unitId;
	}

	String name() {
		return name;
	}

	String positionTitle() {
		return positionTitle;
	}

	String phone() {
		return phone;
	}

	String photoFileId() {
		return photoFileId;
	}

	Long version() {
		return version;
	}

}
