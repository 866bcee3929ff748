package chengguan.engagement;

import java.util.Set;

/**
 * A shop with 门前三包 duties. Owner name and phone are for staff only: the public board never shows them.
 */
public record Merchant(long id, long communityId, String communityName, String regionPath, String name,
		String address, String ownerName, String phone, String businessType, Set<FrontageDuty> duties,
		long version) {

}
