package chengguan.organization;

import java.util.List;

/**
 * What the 公示牌 of a community shows.
 * @param contentVersion a hash of everything above and of the photos: it changes whenever the printed card would
 */
public record NoticeCard(RegionView community, String streetName, List<Person> people, String supervisionPhone,
		String contentVersion) {

	/** @param role RESPONSIBLE for the bureau's responsible officer, otherwise the team role's name */
	public record Person(long staffId, String name, String role, String unitName, String positionTitle, String phone,
			String duties, boolean hasPhoto) {
	}

}
