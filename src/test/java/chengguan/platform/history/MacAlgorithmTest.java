package chengguan.platform.history;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MacAlgorithmTest {

	private final byte[] key = "Jefe".getBytes(StandardCharsets.US_ASCII);

	private final byte[] data = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);

	@Test
	void hmacSha256GivesTheRfc4231Value() {
		assertThat(HexFormat.of().formatHex(MacAlgorithm.HMAC_SHA256.mac(key, data)))
			.isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
	}

	@Test
	void hmacSm3IsAnotherThirtyTwoByteMacOfTheSameInput() {
		byte[] sm3 = MacAlgorithm.HMAC_SM3.mac(key, data);
		assertThat(sm3).hasSize(32).isEqualTo(MacAlgorithm.HMAC_SM3.mac(key, data));
		assertThat(sm3).isNotEqualTo(MacAlgorithm.HMAC_SHA256.mac(key, data));
		assertThat(MacAlgorithm.byId("HMAC-SM3")).contains(MacAlgorithm.HMAC_SM3);
	}

}
