package chengguan.intake.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import chengguan.intake.Channel;
import chengguan.intake.IntakeService;
import chengguan.intake.PublicReportStatus;
import chengguan.intake.ReportKind;
import chengguan.intake.ReportQueries;
import chengguan.intake.ReportSubmission;
import chengguan.intake.SubmittedReport;
import chengguan.platform.storage.UploadedFiles;
import chengguan.platform.web.InvalidRequestException;
import chengguan.platform.web.PublicAddresses;
import chengguan.platform.web.UserFacingException;

/**
 * The public reporting API for mini programs and apps: the same checks and limits as the QR page. The idempotency
 * key may come as the {@code Idempotency-Key} header or in the body.
 */
@RestController
@RequestMapping("/api/v1/reports")
class ReportApiController {

	private final IntakeService intake;

	private final ReportQueries reports;

	private final PublicAddresses addresses;

	private final MessageSource messages;

	ReportApiController(IntakeService intake, ReportQueries reports, PublicAddresses addresses,
			MessageSource messages) {
		this.intake = intake;
		this.reports = reports;
		this.addresses = addresses;
		this.messages = messages;
	}

	/** What an app sends. {@code communityCode} may also name a compound or grid inside a community. */
	record ReportRequest(String communityCode, String categoryCode, ReportKind kind, String description,
			BigDecimal lat, BigDecimal lng, Integer accuracy, String address, String phone, String idempotencyKey) {
	}

	record Created(String trackingCode, String statusUrl) {
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Created> submitJson(@RequestBody ReportRequest report,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			HttpServletRequest request) {
		return submit(report, List.of(), idempotencyKey, request);
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Created> submitMultipart(@RequestPart("report") ReportRequest report,
			@RequestPart(name = "photos", required = false) List<MultipartFile> photos,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			HttpServletRequest request) {
		return submit(report, UploadedFiles.contents(photos), idempotencyKey, request);
	}

	private ResponseEntity<Created> submit(ReportRequest report, List<byte[]> photos, String headerKey,
			HttpServletRequest request) {
		if (report == null) {
			throw new InvalidRequestException("error.badRequest");
		}
		String key = headerKey != null ? headerKey : report.idempotencyKey();
		SubmittedReport submitted = intake.submitFromResident(ReportSubmission.fromResident(Channel.API,
				report.communityCode(), report.categoryCode(), report.kind(), report.description(), report.lat(),
				report.lng(), report.accuracy(), report.address(), report.phone(), photos, key,
				request.getRemoteAddr()));
		String statusUrl = addresses.statusPage(submitted.trackingCode());
		return ResponseEntity.created(URI.create("/api/v1/reports/" + submitted.trackingCode()))
			.header("Idempotent-Replayed", Boolean.toString(submitted.replayed()))
			.body(new Created(submitted.trackingCode(), statusUrl));
	}

	record Step(Instant at, String type, String text) {
	}

	record Status(String trackingCode, String status, String statusLabel, boolean merged, String kind,
			String category, String community, String street, Instant receivedAt, String rating, List<Step> timeline) {
	}

	@GetMapping("/{trackingCode}")
	Status status(@PathVariable String trackingCode, HttpServletRequest request) {
		intake.requireLookupAllowed(request.getRemoteAddr());
		PublicReportStatus found = reports.publicStatus(trackingCode)
			.orElseThrow(() -> new UserFacingException(HttpStatus.NOT_FOUND, "report.notFound"));
		List<Step> steps = found.timeline()
			.stream()
			.map(entry -> new Step(entry.occurredAt(), entry.type().name(),
					label("report.event." + entry.type(), entry.note())))
			.toList();
		return new Status(found.trackingCode(), found.status().name(), label("report.status." + found.status()),
				found.merged(), found.kind().name(), found.categoryName(), found.communityName(), found.streetName(),
				found.receivedAt(), found.rating() == null ? null : found.rating().name(), steps);
	}

	private String label(String code, Object... args) {
		return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}

}
