package chengguan.engagement.web;

import chengguan.engagement.NeedKind;

/** The resident's form on the community's suggestions and needs page. */
public class SuggestionForm {

	private NeedKind kind = NeedKind.NEED;

	private String content;

	private String phone;

	private String idempotencyKey;

	public NeedKind getKind() {
		return kind;
	}

	public void setKind(NeedKind kind) {
		this.kind = kind;
	}

	public String getContent() {
		return content;
	}

	public void setContent(String content) {
		this.content = content;
	}

	public String getPhone() {
		return phone;
	}

	public void setPhone(String phone) {
		this.phone = phone;
	}

	public String getIdempotencyKey() {
		return idempotencyKey;
	}

	public void setIdempotencyKey(String idempotencyKey) {
		this.idempotencyKey = idempotencyKey;
	}

}
