package chengguan.platform.keys;

/** A secret key and the id rows sealed with it carry. */
public record SecretKeyEntry(String id, byte[] material) {

	public SecretKeyEntry {
		material = material.clone();
	}

	@Override
	public byte[] material() {
		return material.clone();
	}

	@Override
	public String toString() {
		return "SecretKeyEntry[" + id + "]";
	}

}
