package chengguan.intake.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import chengguan.intake.HotlineImportService;
import chengguan.intake.ImportBatchView;
import chengguan.intake.ImportProfile;
import chengguan.intake.ImportRowError;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.web.InvalidRequestException;

/**
 * The 12345 import for systems (HTTP Basic): POST a file with a profile name and the import starts at once, without
 * the human preview step; GET the batch for progress and row errors.
 */
@RestController
@RequestMapping("/api/v1/hotline-imports")
@PreAuthorize("hasAnyRole('ADMIN','DISPATCHER')")
class HotlineImportApiController {

	private final HotlineImportService imports;

	HotlineImportApiController(HotlineImportService imports) {
		this.imports = imports;
	}

	record BatchResponse(ImportBatchView batch, List<ImportRowError> errors) {
	}

	@PostMapping
	ResponseEntity<BatchResponse> upload(@RequestPart("file") MultipartFile file,
			@RequestParam(defaultValue = "12345 标准格式") String profile, @AuthenticationPrincipal StaffPrincipal me)
			throws IOException {
		if (file.isEmpty()) {
			throw new InvalidRequestException("import.file.empty");
		}
		ImportProfile chosen = imports.profiles().stream()
			.filter(p -> p.name().equals(profile))
			.findFirst()
			.orElseThrow(() -> new InvalidRequestException("import.profile.invalid", "没有名为「" + profile + "」的导入方案"));
		long batchId = imports.preview(chosen.id(), file.getOriginalFilename(), file.getBytes(), me);
		imports.start(batchId, me);
		return ResponseEntity.accepted()
			.location(URI.create("/api/v1/hotline-imports/" + batchId))
			.body(new BatchResponse(imports.batch(batchId, me), imports.errors(batchId, me)));
	}

	@GetMapping("/{id}")
	BatchResponse batch(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me) {
		return new BatchResponse(imports.batch(id, me), imports.errors(id, me));
	}

}
