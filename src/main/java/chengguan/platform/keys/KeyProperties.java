package chengguan.platform.keys;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the keys come from.
 *
 * @param file     the key file (Java properties: {@code history.current=ID}, {@code history.ID=BASE64}); on the
 *                 embedded default it is created at first start, readable by its owner only
 * @param generate create a missing key into the file; off under the {@code postgres} profile, so every node uses
 *                 the key it was given
 * @param history  the history keys from the environment ({@code CHENGGUAN_KEYS_HISTORY}):
 *                 {@code ID:BASE64[,ID:BASE64…]}, the first one signs, the others only verify old rows; wins over
 *                 the file
 */
@ConfigurationProperties("chengguan.keys")
public record KeyProperties(Path file, boolean generate, String history) {

	public KeyProperties {
		if (file == null) {
			file = Path.of("data", "keys.properties");
		}
	}

	String given(KeyPurpose purpose) {
		return switch (purpose) {
			case HISTORY -> history;
		};
	}

}
