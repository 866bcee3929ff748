package chengguan.platform.history;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/** The keyed MACs a row may be sealed with; the id is stored on each row, so the setting can change later. */
public enum MacAlgorithm {

	HMAC_SHA256("HMAC-SHA256") {
		@Override
		byte[] mac(byte[] key, byte[] data) {
			try {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(new SecretKeySpec(key, "HmacSHA256"));
				return mac.doFinal(data);
			}
			catch (NoSuchAlgorithmException | InvalidKeyException ex) {
				throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
			}
		}
	},

	/** GB/T 32905 SM3 in HMAC, via BouncyCastle's lightweight API (no JCE provider to register). */
	HMAC_SM3("HMAC-SM3") {
		@Override
		byte[] mac(byte[] key, byte[] data) {
			HMac mac = new HMac(new SM3Digest());
			mac.init(new KeyParameter(key));
			mac.update(data, 0, data.length);
			byte[] out = new byte[mac.getMacSize()];
			mac.doFinal(out, 0);
			return out;
		}
	};

	private final String id;

	MacAlgorithm(String id) {
		this.id = id;
	}

	/** What rows and anchors store. */
	public String id() {
		return id;
	}

	abstract byte[] mac(byte[] key, byte[] data);

	public static Optional<MacAlgorithm> byId(String id) {
		return Arrays.stream(values()).filter(a -> a.id.equals(id)).findFirst();
	}

}
