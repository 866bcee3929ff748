package chengguan.platform.keys;

/**
 * What a key is for; each purpose has its own keys, so one leaking does not give away another. Add a purpose (say
 * {@code PERSONAL_DATA} for SM4/AES) with its name in the key file and a setting in {@link KeyProperties}.
 */
public enum KeyPurpose {

	/** HMAC over the case history and the audit log, and the signature of their anchors. */
	HISTORY("history", 32);

	private final String fileName;

	private final int generatedBytes;

	KeyPurpose(String fileName, int generatedBytes) {
		this.fileName = fileName;
		this.generatedBytes = generatedBytes;
	}

	/** The prefix of this purpose's lines in the key file. */
	public String fileName() {
		return fileName;
	}

	int generatedBytes() {
		return generatedBytes;
	}

}
