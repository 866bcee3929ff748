package chengguan.organization;

import java.math.BigDecimal;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

import chengguan.platform.web.InvalidRequestException;

@Table("region")
public class Region {

	@Id
	private Long id;

	private Long parentId;

	@Column("region_level")
	private RegionLevel level;

	private String code;

	private String name;

	private String path;

	private Integer population;

	private Integer households;

	@Column("area_km2")
	private BigDecimal areaKm2;

	private BigDecimal latitude;

	private BigDecimal longitude;

	private String boundaryGeojson;

	private int sortOrder;

	@Version
	private Long version;

	Region() {
	}

	static Region root(RegionLevel level, RegionDetails details) {
		Region region = new Region();
		region.level = level;
		region.path = "";
		region.apply(details);
		return region;
	}

	Region newChild(RegionLevel childLevel, RegionDetails details) {
		if (!level.canContain(childLevel)) {
			throw new InvalidRequestException("region.childLevelNotAllowed");
		}
		Region child = root(childLevel, details);
		child.parentId = id;
		return child;
	}

	/** The path holds the node's own id, so it is set once the database has given one. */
	void placeUnder(String parentPath) {
		this.path = (parentPath == null ? "/" : parentPath) + id + "/";
	}

	void apply(RegionDetails details) {
		this.code = details.code();
		this.name = details.name();
		this.population = details.population();
		this.households = details.households();
		this.areaKm2 = details.areaKm2();
		this.latitude = details.latitude();
		this.longitude = details.longitude();
		this.sortOrder = details.sortOrder();
	}

	RegionView view() {
		return new RegionView(id, parentId, level, code, name, path, population, households, areaKm2, latitude,
				longitude, sortOrder, version);
	}

	Long id() {
		return id;
	}

	Long parentId() {
		return parentId;
	}

	RegionLevel level() {
		return level;
	}

	String path() {
		return path;
	}

	String name() {
		return name;
	}

	Long version() {
		return version;
	}

}
