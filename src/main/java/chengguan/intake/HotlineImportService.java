package chengguan.intake;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.core.task.TaskExecutor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import chengguan.organization.RegionService;
import chengguan.organization.RegionView;
import chengguan.platform.PlatformProperties;
import chengguan.platform.audit.AuditAction;
import chengguan.platform.audit.AuditLog;
import chengguan.platform.security.DataScope;
import chengguan.platform.security.OutOfScopeException;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.storage.FileStorage;
import chengguan.platform.web.ConflictException;
import chengguan.platform.web.InvalidRequestException;
import chengguan.platform.web.NotFoundException;
import chengguan.platform.web.UserFacingException;

import static chengguan.platform.persistence.DbTime.utc;

/**
 * Imports 12345 hotline work orders. An upload is first previewed (every row checked, nothing stored but the file
 * and the row errors); confirming runs the import in the background, counting progress in the database so any node
 * can show it. The work-order number is the key: importing a file again adds only orders not seen before.
 */
@Service
public class HotlineImportService {

	private static final Logger log = LoggerFactory.getLogger(HotlineImportService.class);

	static final int MAX_ROWS = 50_000;

	private static final int MAX_STORED_ERRORS = 1_000;

	private static final int PROGRESS_EVERY = 50;

	private static final String SOURCE = Channel.HOTLINE_12345.name();

	private static final List<DateTimeFormatter> TIME_FORMATS = List.of(
			DateTimeFormatter.ofPattern("yyyy-M-d H:mm:ss"), DateTimeFormatter.ofPattern("yyyy-M-d H:mm"),
			DateTimeFormatter.ofPattern("yyyy/M/d H:mm:ss"), DateTimeFormatter.ofPattern("yyyy/M/d H:mm"),
			DateTimeFormatter.ofPattern("yyyy年M月d日 H:mm:ss"), DateTimeFormatter.ofPattern("yyyy年M月d日 H:mm"),
			DateTimeFormatter.ofPattern("M/d/yy H:mm"));

	private static final Map<String, ReportKind> KINDS = Map.of("咨询", ReportKind.INQUIRY, "投诉", ReportKind.COMPLAINT,
			"举报", ReportKind.TIP_OFF, "建议", ReportKind.SUGGESTION, "求助", ReportKind.HELP);

	private final JdbcClient jdbc;

	private final IntakeService intake;

	private final RegionService regions;

	private final FileStorage files;

	private final TaskExecutor executor;

	private final MessageSource messages;

	private final AuditLog auditLog;

	private final PlatformProperties platform;

	private final Clock clock;

	HotlineImportService(JdbcClient jdbc, IntakeService intake, RegionService regions, FileStorage files,
			@Qualifier("applicationTaskExecutor") TaskExecutor executor, MessageSource messages, AuditLog auditLog,
			PlatformProperties platform, Clock clock) {
		this.jdbc = jdbc;
		this.intake = intake;
		this.regions = regions;
		this.files = files;
		this.executor = executor;
		this.messages = messages;
		this.auditLog = auditLog;
		this.platform = platform;
		this.clock = clock;
	}

	// ---- profiles

	@Transactional(readOnly = true)
	public List<ImportProfile> profiles() {
		return jdbc.sql("SELECT id, name, column_mapping, category_mapping, version FROM hotline_import_profile ORDER BY id")
			.query((rs, n) -> new ImportProfile(rs.getLong(1), rs.getString(2), ImportProfile.parseColumns(rs.getString(3)),
					ImportProfile.parseCategories(rs.getString(4)), rs.getLong(5)))
			.list();
	}

	@Transactional(readOnly = true)
	public ImportProfile profile(long id) {
		return profiles().stream().filter(p -> p.id() == id).findFirst().orElseThrow(NotFoundException::new);
	}


	@Transactional
	public void saveProfile(long id, long seenVersion, String name, String columnText, String categoryText) {
		if (name == null || name.isBlank() || name.strip().length() > 64) {
			throw new InvalidRequestException("import.profile.invalid", "方案名称为 1–64 个字");
		}
		if ((columnText != null && columnText.length() > 4000) || (categoryText != null && categoryText.length() > 20000)) {
			throw new InvalidRequestException("import.profile.invalid", "映射内容过长");
		}
		ImportProfile.parseColumns(columnText);
		ImportProfile.parseCategories(categoryText);
		int changed = jdbc.sql("""
				UPDATE hotline_import_profile SET name = ?, column_mapping = ?, category_mapping = ?, version = version + 1
				WHERE id = ? AND version = ?""")
			.params(name.strip(), columnText.strip(), categoryText == null ? "" : categoryText.strip(), id, seenVersion)
			.update();
		if (changed != 1) {
			throw new ConflictException("error.concurrentChange");
		}
		auditLog.record(AuditAction.IMPORT_PROFILE_UPDATED, "hotline_import_profile", id, "name=" + name.strip());
	}

	// ---- preview and import

	/** Checks every row of the file and keeps the file and the row errors; returns the new batch's id. */
	public long preview(long profileId, String fileName, byte[] content, StaffPrincipal who) {
		ImportProfile profile = profile(profileId);
		WorkOrderFile file = WorkOrderFile.read(content, MAX_ROWS);
		requireColumns(profile, file);
		String fileId = files.store(content, WorkOrderFile.isXlsx(content)
				? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
		List<RowOutcome> outcomes = evaluate(profile, file, who.scope(), new IntakeService.Lookups());
		int failed = (int) outcomes.stream().filter(o -> o.error() != null).count();
		int existing = (int) outcomes.stream().filter(RowOutcome::alreadyImported).count();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO import_batch (profile_id, file_name, file_id, status, total_rows, skipped_rows, failed_rows,
				    scope_path, created_by, created_at)
				VALUES (?, ?, ?, 'PREVIEWED', ?, ?, ?, ?, ?, ?)""")
			.params(profileId, safeFileName(fileName), fileId, outcomes.size(), existing, failed,
					who.scope().homeRegionPath(), who.username(), utc(clock.instant()))
			.update(keys, "id");
		long batchId = keys.getKeyAs(Number.class).longValue();
		recordErrors(batchId, outcomes);
		return batchId;
	}

	/** Starts a previewed import in the background. */
	public void start(long batchId, StaffPrincipal who) {
		batch(batchId, who);
		int changed = jdbc.sql("UPDATE import_batch SET status = 'RUNNING' WHERE id = ? AND status = 'PREVIEWED'")
			.param(batchId)
			.update();
		if (changed != 1) {
			throw new ConflictException("import.batch.notPreviewed");
		}
		executor.execute(() -> run(batchId));
	}

	private void run(long batchId) {
		record Job(long profileId, String fileId, String scopePath, String createdBy) {
		}
		Job job = jdbc.sql("SELECT profile_id, file_id, scope_path, created_by FROM import_batch WHERE id = ?")
			.param(batchId)
			.query((rs, n) -> new Job(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.single();
		int imported = 0;
		int skipped = 0;
		int failed = 0;
		int processed = 0;
		try {
			ImportProfile profile = profile(job.profileId());
			byte[] content = files.load(job.fileId()).orElseThrow().content();
			DataScope scope = scopeOf(job.scopePath());
			IntakeService.Lookups lookups = new IntakeService.Lookups();
			List<RowOutcome> outcomes = evaluate(profile, WorkOrderFile.read(content, MAX_ROWS), scope, lookups);
			jdbc.sql("DELETE FROM import_row_error WHERE batch_id = ?").param(batchId).update();
			List<RowOutcome> errors = new ArrayList<>();
			for (RowOutcome outcome : outcomes) {
				if (outcome.error() != null) {
					failed++;
					errors.add(outcome);
				}
				else if (outcome.alreadyImported()) {
					skipped++;
				}
				else {
					try {
						intake.importWorkOrder(outcome.submission(), job.createdBy(), lookups);
						imported++;
					}
					catch (DuplicateKeyException alreadyThere) {
						skipped++; // imported meanwhile by another batch of the same file
					}
					catch (UserFacingException refused) {
						failed++;
						errors.add(new RowOutcome(outcome.line(), null, message(refused), false));
					}
				}
				processed++;
				if (processed % PROGRESS_EVERY == 0) {
					progress(batchId, processed, imported, skipped, failed);
				}
			}
			recordErrors(batchId, errors);
			progress(batchId, processed, imported, skipped, failed);
			jdbc.sql("UPDATE import_batch SET status = 'DONE', finished_at = ? WHERE id = ?")
				.params(utc(clock.instant()), batchId)
				.update();
			auditLog.recordIndependently(job.createdBy(), null, AuditAction.IMPORT_COMPLETED, "import_batch", batchId,
					"imported=" + imported + " skipped=" + skipped + " failed=" + failed);
		}
		catch (RuntimeException ex) {
			log.error("12345 import batch {} stopped after {} rows", batchId, processed, ex);
			progress(batchId, processed, imported, skipped, failed);
			jdbc.sql("UPDATE import_batch SET status = 'FAILED', finished_at = ? WHERE id = ?")
				.params(utc(clock.instant()), batchId)
				.update();
		}
	}

	private void progress(long batchId, int processed, int imported, int skipped, int failed) {
		jdbc.sql("""
				UPDATE import_batch SET processed_rows = ?, imported_rows = ?, skipped_rows = ?, failed_rows = ?
				WHERE id = ?""")
			.params(processed, imported, skipped, failed, batchId)
			.update();
	}

	private void recordErrors(long batchId, List<RowOutcome> outcomes) {
		outcomes.stream()
			.filter(o -> o.error() != null)
			.limit(MAX_STORED_ERRORS)
			.forEach(o -> jdbc.sql("INSERT INTO import_row_error (batch_id, line_number, message) VALUES (?, ?, ?)")
				.params(batchId, o.line(), o.error().length() > 500 ? o.error().substring(0, 500) : o.error())
				.update());
	}

	// ---- reading batches

	private static final String BATCH_COLUMNS = """
			b.id, p.name, b.file_name, b.status, b.total_rows, b.processed_rows, b.imported_rows, b.skipped_rows,
			b.failed_rows, b.created_by, b.created_at, b.finished_at, b.scope_path""";

	@Transactional(readOnly = true)
	public ImportBatchView batch(long id, StaffPrincipal who) {
		record Found(ImportBatchView view, String scopePath) {
		}
		Found found = jdbc.sql("SELECT " + BATCH_COLUMNS
				+ " FROM import_batch b JOIN hotline_import_profile p ON p.id = b.profile_id WHERE b.id = ?")
			.param(id)
			.query((rs, n) -> new Found(batchView(rs), rs.getString(13)))
			.optional()
			.orElseThrow(NotFoundException::new);
		if (!who.scope().covers(found.scopePath())) {
			throw new OutOfScopeException();
		}
		return found.view();
	}

	@Transactional(readOnly = true)
	public List<ImportBatchView> recent(StaffPrincipal who) {
		return jdbc.sql("SELECT " + BATCH_COLUMNS + """
				 FROM import_batch b JOIN hotline_import_profile p ON p.id = b.profile_id
				WHERE b.scope_path LIKE ? ORDER BY b.id DESC LIMIT 20""")
			.param(who.scope().pathPattern())
			.query((rs, n) -> batchView(rs))
			.list();
	}

	@Transactional(readOnly = true)
	public List<ImportRowError> errors(long batchId, StaffPrincipal who) {
		batch(batchId, who);
		return jdbc.sql("SELECT line_number, message FROM import_row_error WHERE batch_id = ? ORDER BY line_number")
			.param(batchId)
			.query((rs, n) -> new ImportRowError(rs.getInt(1), rs.getString(2)))
			.list();
	}

	private static ImportBatchView batchView(java.sql.ResultSet rs) throws java.sql.SQLException {
		OffsetDateTime finished = rs.getObject(12, OffsetDateTime.class);
		return new ImportBatchView(rs.getLong(1), rs.getString(2), rs.getString(3),
				ImportBatchStatus.valueOf(rs.getString(4)), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8),
				rs.getInt(9), rs.getString(10), rs.getObject(11, OffsetDateTime.class).toInstant(),
				finished == null ? null : finished.toInstant());
	}

	// ---- row checks

	/** A row's fate: a submission to store, or why not ({@code error}), or "already imported". */
	record RowOutcome(int line, ReportSubmission submission, String error, boolean alreadyImported) {
	}

	private void requireColumns(ImportProfile profile, WorkOrderFile file) {
		List<String> missing = profile.columns()
			.entrySet()
			.stream()
			.filter(e -> e.getKey().required() && !file.headers().contains(e.getValue()))
			.map(Map.Entry::getValue)
			.toList();
		if (!missing.isEmpty()) {
			throw new InvalidRequestException("import.file.missingColumns", String.join("、", missing));
		}
	}

	private List<RowOutcome> evaluate(ImportProfile profile, WorkOrderFile file, DataScope scope,
			IntakeService.Lookups lookups) {
		Map<String, RegionView> communities = new HashMap<>();
		Set<String> ambiguous = new HashSet<>();
		for (RegionView community : regions.communities(scope)) {
			communities.put(community.code(), community);
			List<String> names = community.name().endsWith("社区")
					? List.of(community.name(), community.name().substring(0, community.name().length() - 2))
					: List.of(community.name());
			for (String name : names) {
				// two streets may each have a 新村社区: such a name says nothing, the row must give the code
				if (communities.putIfAbsent(name, community) != null && !communities.get(name).equals(community)) {
					ambiguous.add(name);
				}
			}
		}
		ambiguous.forEach(communities::remove);
		Set<String> existing = existingIds(file, profile);
		Set<String> seenInFile = new HashSet<>();
		List<RowOutcome> outcomes = new ArrayList<>(file.rows().size());
		for (WorkOrderFile.Row row : file.rows()) {
			outcomes.add(evaluate(profile, row, communities, existing, seenInFile, lookups));
		}
		return outcomes;
	}

	private RowOutcome evaluate(ImportProfile profile, WorkOrderFile.Row row, Map<String, RegionView> communities,
			Set<String> existing, Set<String> seenInFile, IntakeService.Lookups lookups) {
		Map<ImportField, String> columns = profile.columns();
		String externalId = row.get(columns.get(ImportField.EXTERNAL_ID));
		if (externalId == null) {
			return failure(row, "缺少工单编号");
		}
		if (externalId.length() > 64) {
			return failure(row, "工单编号超过 64 个字符");
		}
		if (!seenInFile.add(externalId)) {
			return failure(row, "工单编号 " + externalId + " 在文件中重复出现");
		}
		if (existing.contains(externalId)) {
			return new RowOutcome(row.line(), null, null, true);
		}
		String communityText = row.get(columns.get(ImportField.COMMUNITY));
		RegionView community = communityText == null ? null : communities.get(communityText);
		if (community == null) {
			return failure(row, "社区「" + (communityText == null ? "" : communityText) + "」不存在或不在您的管辖范围内");
		}
		String categoryText = row.get(columns.get(ImportField.CATEGORY));
		String categoryCode = categoryText == null ? null : profile.categories().getOrDefault(categoryText, categoryText);
		String kindText = row.get(columns.get(ImportField.KIND));
		ReportKind kind = kindText == null ? ReportKind.COMPLAINT : KINDS.get(kindText);
		if (kind == null) {
			return failure(row, "诉求类型「" + kindText + "」无法识别（应为咨询、投诉、举报、建议或求助）");
		}
		Instant receivedAt;
		BigDecimal latitude;
		BigDecimal longitude;
		try {
			receivedAt = time(row.get(columns.get(ImportField.RECEIVED_AT)));
			latitude = decimal(row.get(columns.get(ImportField.LATITUDE)));
			longitude = decimal(row.get(columns.get(ImportField.LONGITUDE)));
		}
		catch (InvalidRequestException ex) {
			return failure(row, message(ex));
		}
		ReportSubmission submission = new ReportSubmission(Channel.HOTLINE_12345, community.code(), categoryCode, kind,
				row.get(columns.get(ImportField.DESCRIPTION)), latitude, longitude, null,
				row.get(columns.get(ImportField.ADDRESS)), row.get(columns.get(ImportField.REPORTER_NAME)),
				row.get(columns.get(ImportField.REPORTER_PHONE)), List.of(), null, null, externalId, receivedAt);
		try {
			intake.check(submission, lookups);
		}
		catch (UserFacingException ex) {
			if ("report.category.unknown".equals(ex.messageCode()) || "report.category.required".equals(ex.messageCode())) {
				return failure(row, "分类「" + (categoryText == null ? "" : categoryText)
						+ "」没有对应的问题分类，请在导入方案的分类对照中补充");
			}
			return failure(row, message(ex));
		}
		return new RowOutcome(row.line(), submission, null, false);
	}

	private Set<String> existingIds(WorkOrderFile file, ImportProfile profile) {
		List<String> ids = file.rows().stream()
			.map(row -> row.get(profile.columns().get(ImportField.EXTERNAL_ID)))
			.filter(id -> id != null && id.length() <= 64)
			.distinct()
			.toList();
		Set<String> existing = new HashSet<>();
		for (int from = 0; from < ids.size(); from += 500) {
			List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
			existing.addAll(jdbc.sql("SELECT external_id FROM report WHERE external_source = :source AND external_id IN (:ids)")
				.param("source", SOURCE)
				.param("ids", chunk)
				.query(String.class)
				.list());
		}
		return existing;
	}

	private Instant time(String text) {
		if (text == null) {
			return null;
		}
		String normalized = text.replace('T', ' ').strip();
		for (DateTimeFormatter format : TIME_FORMATS) {
			try {
				return LocalDateTime.parse(normalized, format).atZone(platform.timeZone()).toInstant();
			}
			catch (DateTimeParseException next) {
				// try the next format
			}
		}
		throw new InvalidRequestException("import.row.badTime", text);
	}

	private static BigDecimal decimal(String text) {
		if (text == null) {
			return null;
		}
		try {
			return new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			throw new InvalidRequestException("import.row.badNumber", text);
		}
	}

	private static RowOutcome failure(WorkOrderFile.Row row, String message) {
		return new RowOutcome(row.line(), null, message, false);
	}

	private String message(UserFacingException ex) {
		return ex.message(messages);
	}

	private DataScope scopeOf(String path) {
		long id = Long.parseLong(path.substring(0, path.length() - 1).substring(path.lastIndexOf('/', path.length() - 2) + 1));
		return new DataScope(id, path, regions.find(id).map(RegionView::name).orElse(""));
	}

	private static String safeFileName(String name) {
		String value = name == null || name.isBlank() ? "12345.xlsx" : name.replaceAll("[\\\\/\\p{Cntrl}]", "_").strip();
		return value.length() > 200 ? value.substring(value.length() - 200) : value;
	}


}
