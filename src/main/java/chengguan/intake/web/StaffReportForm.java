package chengguan.intake.web;


import chengguan.intake.Channel;
import chengguan.intake.ReportKind;

/** What a staff member records for a report that reached them by phone, in person, on patrol or by 吹哨. */
public class StaffReportForm extends ResidentReportForm {

	private Channel channel = Channel.WALK_IN;

	private String regionCode;

	private String reporterName;

	public StaffReportForm() {
		setKind(ReportKind.COMPLAINT);
	}

	public Channel getChannel() {
		return channel;
	}

	public void setChannel(Channel channel) {
		this.channel = channel;
	}

	public String getRegionCode() {
		return regionCode;
	}

	public void setRegionCode(String regionCode) {
		this.regionCode = regionCode;
	}

	public String getReporterName() {
		return reporterName;
	}

	public void setReporterName(String reporterName) {
		this.reporterName = reporterName;
	}


}
