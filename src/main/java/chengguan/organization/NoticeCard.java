package chengguan.organization;

import java.util.List;

/** What the 公示牌 of a community shows. */
public record NoticeCard(RegionView community, String streetName, List<Person> people, String supervisionPhone) {

	/** @param role RESPONSIBLE for the bureau's responsible officer, otherwise the team role's name */
	public record Person(long staffId, String name, String role, String unitName, String positionTitle, String phone,
			String duties, boolean hasPhoto) {
	}

}
