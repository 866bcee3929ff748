package chengguan.intake.web;

import java.math.BigDecimal;

import chengguan.intake.ReportKind;

/** The resident's reporting form; photos arrive as the multipart parameter {@code photos}. */
public class ResidentReportForm {

	private String categoryCode;

	private ReportKind kind = ReportKind.COMPLAINT;

	private String description;

	private BigDecimal latitude;

	private BigDecimal longitude;

	private Integer accuracy;

	private String address;

	private String phone;

	private String idempotencyKey;

	public String getCategoryCode() {
		return categoryCode;
	}

	public void setCategoryCode(String categoryCode) {
		this.categoryCode = categoryCode;
	}

	public ReportKind getKind() {
		return kind;
	}

	public void setKind(ReportKind kind) {
		this.kind = kind;
	}

	public String getDescription() {
		return description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public BigDecimal getLatitude() {
		return latitude;
	}

	public void setLatitude(BigDecimal latitude) {
		this.latitude = latitude;
	}

	public BigDecimal getLongitude() {
		return longitude;
	}

	public void setLongitude(BigDecimal longitude) {
		this.longitude = longitude;
	}

	public Integer getAccuracy() {
		return accuracy;
	}

	public void setAccuracy(Integer accuracy) {
		this.accuracy = accuracy;
	}

	public String getAddress() {
		return address;
	}

	public void setAddress(String address) {
		this.address = address;
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
