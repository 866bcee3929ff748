package chengguan.intake;

/** The columns a 12345 work order file can supply; a profile maps each to the header used in the city's export. */
public enum ImportField {

	EXTERNAL_ID("externalId", true), RECEIVED_AT("receivedAt", false), REPORTER_NAME("reporterName", false),
	REPORTER_PHONE("reporterPhone", false), COMMUNITY("community", true), CATEGORY("category", true),
	KIND("kind", false), DESCRIPTION("description", true), ADDRESS("address", false),
	LATITUDE("latitude", false), LONGITUDE("longitude", false);

	private final String key;

	private final boolean required;

	ImportField(String key, boolean required) {
		this.key = key;
		this.required = required;
	}

	/** The name used in a profile's mapping text, e.g. {@code description=诉求内容}. */
	public String key() {
		return key;
	}

	public boolean required() {
		return required;
	}

	static ImportField byKey(String key) {
		for (ImportField field : values()) {
			if (field.key.equalsIgnoreCase(key)) {
				return field;
			}
		}
		return null;
	}

}
