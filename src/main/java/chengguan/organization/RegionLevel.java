package chengguan.organization;

import java.util.EnumSet;
import java.util.Set;

/** Levels of the region tree; the Chinese names are in messages.properties under {@code region.level.*}. */
public enum RegionLevel {

	CITY, DISTRICT, STREET, COMMUNITY, COMPOUND, GRID, SUB_GRID;

	public Set<RegionLevel> childLevels() {
		return switch (this) {
			case CITY -> EnumSet.of(DISTRICT);
			case DISTRICT -> EnumSet.of(STREET);
			case STREET -> EnumSet.of(COMMUNITY, GRID);
			case COMMUNITY -> EnumSet.of(COMPOUND, GRID);
			case COMPOUND -> EnumSet.of(GRID);
			case GRID -> EnumSet.of(SUB_GRID);
			case SUB_GRID -> EnumSet.noneOf(RegionLevel.class);
		};
	}

	public boolean canContain(RegionLevel child) {
		return childLevels().contains(child);
	}

}
