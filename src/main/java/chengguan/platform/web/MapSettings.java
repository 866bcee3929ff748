package chengguan.platform.web;

import java.math.BigDecimal;
import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The base map every Leaflet map uses. Positions are stored as WGS-84, as browsers report them, so the tile source
 * must be WGS-84 too (OpenStreetMap, 天地图), not GCJ-02 (高德, 腾讯) without a conversion.
 *
 * @param tileUrl Leaflet URL template of the tiles
 * @param attribution the tile source's required credit line
 * @param centerLatitude where a map opens when a place has no position
 * @param centerLongitude where a map opens when a place has no position
 */
@ConfigurationProperties("chengguan.maps")
public record MapSettings(String tileUrl, String attribution, BigDecimal centerLatitude, BigDecimal centerLongitude) {

	public MapSettings {
		tileUrl = tileUrl == null || tileUrl.isBlank() ? "https://tile.openstreetmap.org/{z}/{x}/{y}.png" : tileUrl;
		attribution = attribution == null ? "© OpenStreetMap contributors" : attribution;
		centerLatitude = centerLatitude == null ? new BigDecimal("34.810488") : centerLatitude;
		centerLongitude = centerLongitude == null ? new BigDecimal("117.323725") : centerLongitude;
	}

	/** The scheme and host of the tiles, for the Content-Security-Policy's img-src. */
	public String tileOrigin() {
		String template = tileUrl.replaceAll("\\{[a-z]}", "a");
		URI uri = URI.create(template);
		String host = tileUrl.contains("{s}.") ? "*." + uri.getHost().substring(uri.getHost().indexOf('.') + 1) : uri.getHost();
		return uri.getScheme() + "://" + host + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
	}

}
