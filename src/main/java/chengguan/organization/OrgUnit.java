package chengguan.organization;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

@Table("org_unit")
public class OrgUnit {

	@Id
	private Long id;

	private Long parentId;

	private UnitKind kind;

	private String name;

	private long regionId;

	private String phone;

	private String address;

	private int sortOrder;

	private boolean active = true;

	@Version
	private Long version;

	OrgUnit() {
	}

	static OrgUnit create(UnitDetails details) {
		OrgUnit unit = new OrgUnit();
		unit.apply(details);
		return unit;
	}

	void apply(UnitDetails details) {
		this.kind = details.kind();
		this.name = details.name();
		this.regionId = details.regionId();
		this.parentId = details.parentId();
		this.phone = details.phone();
		this.address = details.address();
		this.sortOrder = details.sortOrder();
		this.active = details.active();
	}

	Long id() {
		return id;
	}

	long regionId() {
		return regionId;
	}

	String name() {
		return name;
	}

	Long version() {
		return version;
	}

}
