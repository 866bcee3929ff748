package chengguan.intake;

import java.math.BigDecimal;

/**
 * Where a QR code points: a community, or a compound or grid inside one, with the position a map starts at.
 * {@code placeName} is null when the code is the community itself.
 */
public record ReportingPlace(String code, String communityName, String streetName, String placeName,
		BigDecimal latitude, BigDecimal longitude) {

	public String displayName() {
		return placeName == null ? communityName : communityName + " · " + placeName;
	}

}
