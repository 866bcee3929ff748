package chengguan.engagement.web;

import chengguan.engagement.NeedEntry;
import chengguan.engagement.NeedKind;
import chengguan.engagement.NeedSource;

/** A suggestion or need a staff member writes down. */
public class NeedForm {

	private String communityCode;

	private NeedKind kind = NeedKind.NEED;

	private NeedSource source = NeedSource.VISIT;

	private String content;

	private String residentName;

	private String residentPhone;

	NeedEntry entry() {
		return new NeedEntry(communityCode, kind, source, content, residentName, residentPhone);
	}

	public String getCommunityCode() {
		return communityCode;
	}

	public void setCommunityCode(String communityCode) {
		this.communityCode = communityCode;
	}

	public NeedKind getKind() {
		return kind;
	}

	public void setKind(NeedKind kind) {
		this.kind = kind;
	}

	public NeedSource getSource() {
		return source;
	}

	public void setSource(NeedSource source) {
		this.source = source;
	}

	public String getContent() {
		return content;
	}

	public void setContent(String content) {
		this.content = content;
	}

	public String getResidentName() {
		return residentName;
	}

	public void setResidentName(String residentName) {
		this.residentName = residentName;
	}

	public String getResidentPhone() {
		return residentPhone;
	}

	public void setResidentPhone(String residentPhone) {
		this.residentPhone = residentPhone;
	}

}
