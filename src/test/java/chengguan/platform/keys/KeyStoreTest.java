package chengguan.platform.keys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyStoreTest {

	@TempDir
	Path dir;

	private final Clock clock = Clock.systemUTC();

	@Test
	void aMissingKeyIsGeneratedIntoAFileOnlyItsOwnerCanReadAndReadBackNextTime() throws Exception {
		Path file = dir.resolve("data/keys.properties");
		KeyStore first = new KeyStore(new KeyProperties(file, true, null), clock);

		assertThat(file).exists();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		SecretKeyEntry key = first.current(KeyPurpose.HISTORY);
		assertThat(key.material()).hasSize(32);

		KeyStore again = new KeyStore(new KeyProperties(file, true, null), clock);
		assertThat(again.current(KeyPurpose.HISTORY).id()).isEqualTo(key.id());
		assertThat(again.current(KeyPurpose.HISTORY).material()).isEqualTo(key.material());
	}

	@Test
	void aKeyFromTheEnvironmentWinsAndOlderOnesStillVerify() {
		String current = Base64.getEncoder().encodeToString("k2-0123456789abcdef0123456789ab".getBytes());
		String old = Base64.getEncoder().encodeToString("k1-0123456789abcdef0123456789ab".getBytes());
		KeyStore keys = new KeyStore(new KeyProperties(dir.resolve("keys.properties"), true, "k2:" + current + ",k1:" + old),
				clock);

		assertThat(keys.current(KeyPurpose.HISTORY).id()).isEqualTo("k2");
		assertThat(keys.find(KeyPurpose.HISTORY, "k1")).isPresent();
		assertThat(keys.find(KeyPurpose.HISTORY, "k3")).isEmpty();
		assertThat(dir.resolve("keys.properties")).doesNotExist();
	}

	@Test
	void withoutAKeyAndWithoutLeaveToGenerateOneThePlatformDoesNotStart() {
		assertThatThrownBy(() -> new KeyStore(new KeyProperties(dir.resolve("keys.properties"), false, null), clock))
			.isInstanceOf(MissingKeyException.class)
			.hasMessageContaining("CHENGGUAN_KEYS_HISTORY")
			.hasMessageContaining("办理经过签名密钥");
	}

}
