package chengguan.platform.history;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.stereotype.Component;

import chengguan.platform.keys.KeyPurpose;
import chengguan.platform.keys.KeyStore;
import chengguan.platform.keys.SecretKeyEntry;

/**
 * Seals rows of the append-only tables with a keyed MAC. The key lives outside the database, so someone who can
 * write to the database can change a row but not make its MAC fit again.
 */
@Component
public class ChainMac {

	/** What rows written before the key was introduced carry: a plain hash, kept as it was. */
	public static final String LEGACY = "SHA-256";

	private final KeyStore keys;

	private final MacAlgorithm algorithm;

	public ChainMac(KeyStore keys, HistoryProperties properties) {
		this.keys = keys;
		this.algorithm = MacAlgorithm.byId(properties.algorithm()).orElseThrow();
	}

	/** A row's MAC with what is needed to check it later. */
	public record Seal(String algorithm, String keyId, String mac) {
	}

	public enum Verdict {
		INTACT, ALTERED, UNKNOWN_KEY
	}

	/** Seals content; the algorithm and key id are part of what is sealed, so they cannot be swapped either. */
	public Seal seal(String content) {
		SecretKeyEntry key = keys.current(KeyPurpose.HISTORY);
		return new Seal(algorithm.id(), key.id(), hex(algorithm.mac(key.material(), bound(algorithm.id(), key.id(), content))));
	}

	public Verdict check(String algorithmId, String keyId, String content, String mac) {
		Optional<MacAlgorithm> used = MacAlgorithm.byId(algorithmId);
		Optional<SecretKeyEntry> key = keyId == null ? Optional.empty() : keys.find(KeyPurpose.HISTORY, keyId);
		if (used.isEmpty() || key.isEmpty()) {
			return Verdict.UNKNOWN_KEY;
		}
		String expected = hex(used.get().mac(key.get().material(), bound(algorithmId, keyId, content)));
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				String.valueOf(mac).getBytes(StandardCharsets.US_ASCII)) ? Verdict.INTACT : Verdict.ALTERED;
	}

	/** The plain SHA-256 of legacy rows and of notes (the chain covers a note's hash, so it can be redacted). */
	public static String sha256(String content) {
		try {
			return hex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	/** Joins fields with a separator that typed text cannot contain (TypedText drops control characters). */
	public static String fields(Object... values) {
		StringBuilder joined = new StringBuilder();
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				joined.append('\u001f');
			}
			joined.append(values[i] == null ? "" : values[i].toString());
		}
		return joined.toString();
	}

	private static byte[] bound(String algorithmId, String keyId, String content) {
		return fields(algorithmId, keyId, content).getBytes(StandardCharsets.UTF_8);
	}

	private static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(bytes);
	}

}
