package chengguan.assessment;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import chengguan.organization.RegionService;
import chengguan.organization.RosterService;
import chengguan.organization.UnitKind;
import chengguan.organization.UnitView;
import chengguan.platform.PlatformProperties;
import chengguan.platform.audit.AuditAction;
import chengguan.platform.audit.AuditLog;
import chengguan.platform.persistence.DbTime;
import chengguan.platform.security.DataScope;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.storage.FileStorage;
import chengguan.platform.storage.ImageNormalizer;
import chengguan.platform.storage.StoredFile;
import chengguan.platform.web.InvalidRequestException;
import chengguan.platform.web.NotFoundException;

/**
 * 规范化创建 (资料 001): each workstation (社区工作室) shows evidence for the items of the 规范化创建标准 — photos
 * or PDFs, checked to be what they claim — and a reviewer accepts or rejects it. An item counts once it has accepted
 * evidence; the checklist score is the sum of those items' points (100 in all). The 优秀工作室 score weighs the
 * checklist at 70 % and residents' satisfaction in the workstation's area over the last 12 months at 30 %; a
 * workstation is 规范化 at 60 checklist points, and only those make the shortlist (“50 佳”).
 */
@Service
@Transactional
public class WorkstationChecklists {

	/** The checklist score from which a workstation counts as 规范化 and may be shortlisted. */
	public static final BigDecimal STANDARD = new BigDecimal("60");

	static final BigDecimal CHECKLIST_WEIGHT = new BigDecimal("0.7");

	static final BigDecimal SATISFACTION_WEIGHT = new BigDecimal("0.3");

	static final int MAX_PDF_BYTES = 10 * 1024 * 1024;

	private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

	private final JdbcClient jdbc;

	private final RosterService roster;

	private final RegionService regions;

	private final AssessmentQueries queries;

	private final ImageNormalizer images;

	private final FileStorage files;

	private final AuditLog auditLog;

	private final PlatformProperties platform;

	private final Clock clock;

	WorkstationChecklists(JdbcClient jdbc, RosterService roster, RegionService regions, AssessmentQueries queries,
			ImageNormalizer images, FileStorage files, AuditLog auditLog, PlatformProperties platform, Clock clock) {
		this.jdbc = jdbc;
		this.roster = roster;
		this.regions = regions;
		this.queries = queries;
		this.images = images;
		this.files = files;
		this.auditLog = auditLog;
		this.platform = platform;
		this.clock = clock;
	}

	public record Item(long id, String name, String requirement, BigDecimal points) {
	}

	/** @param accepted null while waiting for review */
	public record Evidence(long id, long unitId, long itemId, String contentType, String note, Boolean accepted,
			String uploadedBy, Instant uploadedAt) {

		public boolean pdf() {
			return "application/pdf".equals(contentType);
		}

	}

	/** A workstation's standing: checklist points, satisfaction (null without ratings) and the 优秀 score. */
	public record Standing(UnitView workstation, BigDecimal checklistScore, Double satisfaction,
			BigDecimal excellenceScore) {

		public boolean standard() {
			return checklistScore.compareTo(STANDARD) >= 0;
		}

	}

	/** One line of the shortlist; equal scores share a rank. */
	public record Shortlisted(int rank, Standing standing) {
	}

	@Transactional(readOnly = true)
	public List<Item> items() {
		return jdbc.sql("SELECT id, name, requirement, points FROM workstation_checklist_item ORDER BY sort_order, id")
			.query((rs, n) -> new Item(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4)))
			.list();
	}

	/** The workstations inside the scope. */
	@Transactional(readOnly = true)
	public List<UnitView> workstations(DataScope scope) {
		return roster.visibleUnits(scope)
			.stream()
			.filter(unit -> unit.kind() == UnitKind.WORKSTATION && unit.active() && scope.covers(unit.regionPath()))
			.toList();
	}

	/** A workstation in the person's scope, or 404. */
	@Transactional(readOnly = true)
	public UnitView workstation(long unitId, StaffPrincipal who) {
		return roster.findUnit(unitId)
			.filter(unit -> unit.kind() == UnitKind.WORKSTATION && who.scope().covers(unit.regionPath()))
			.orElseThrow(NotFoundException::new);
	}

	@Transactional(readOnly = true)
	public List<Evidence> evidence(long unitId) {
		return jdbc.sql("""
				SELECT id, unit_id, item_id, content_type, note, accepted, uploaded_by, uploaded_at
				FROM workstation_evidence WHERE unit_id = ? ORDER BY item_id, uploaded_at, id""")
			.param(unitId)
			.query((rs, n) -> new Evidence(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
					rs.getString(5), rs.getObject(6, Boolean.class), rs.getString(7),
					rs.getObject(8, OffsetDateTime.class).toInstant()))
			.list();
	}

	/**
	 * Adds evidence for an item: a JPEG or PNG photo (re-encoded, which proves it is one) or a PDF that opens.
	 */
	public Evidence addEvidence(long unitId, long itemId, byte[] upload, String note, StaffPrincipal who) {
		UnitView workstation = workstation(unitId, who);
		if (items().stream().noneMatch(item -> item.id() == itemId)) {
			throw new InvalidRequestException("assessment.workstation.item");
		}
		String text = note == null || note.isBlank() ? null : note.strip();
		if (text != null && text.length() > 300) {
			throw new InvalidRequestException("assessment.workstation.note");
		}
		String contentType;
		byte[] content;
		if (upload != null && startsWith(upload, PDF_MAGIC)) {
			requireReadablePdf(upload);
			contentType = "application/pdf";
			content = upload;
		}
		else {
			if (upload == null || upload.length == 0) {
				throw new InvalidRequestException("assessment.workstation.file");
			}
			content = images.normalize(upload);
			contentType = ImageNormalizer.OUTPUT_TYPE;
		}
		String fileId = files.store(content, contentType);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO workstation_evidence (unit_id, item_id, file_id, content_type, note, uploaded_by, uploaded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(workstation.id(), itemId, fileId, contentType, text, who.username(), DbTime.utc(clock.instant()))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		auditLog.record(AuditAction.WORKSTATION_EVIDENCE_ADDED, "unit", unitId, "item " + itemId + " " + contentType);
		return evidence(unitId).stream().filter(found -> found.id() == id).findFirst().orElseThrow();
	}

	/** Accepts or rejects a piece of evidence of a workstation in the reviewer's scope. */
	public void review(long evidenceId, boolean accepted, StaffPrincipal who) {
		long unitId = unitOf(evidenceId);
		workstation(unitId, who);
		jdbc.sql("UPDATE workstation_evidence SET accepted = ? WHERE id = ?").params(accepted, evidenceId).update();
		auditLog.record(AuditAction.WORKSTATION_EVIDENCE_REVIEWED, "unit", unitId,
				"evidence " + evidenceId + (accepted ? " accepted" : " rejected"));
	}

	/** The evidence file, for someone who can see the workstation. */
	@Transactional(readOnly = true)
	public StoredFile evidenceFile(long evidenceId, StaffPrincipal who) {
		workstation(unitOf(evidenceId), who);
		String fileId = jdbc.sql("SELECT file_id FROM workstation_evidence WHERE id = ?")
			.param(evidenceId)
			.query(String.class)
			.single();
		return files.load(fileId).orElseThrow(NotFoundException::new);
	}

	/** The points of the items with accepted evidence. */
	@Transactional(readOnly = true)
	public BigDecimal checklistScore(long unitId) {
		return jdbc.sql("""
				SELECT COALESCE(SUM(i.points), 0) FROM workstation_checklist_item i
				WHERE EXISTS (SELECT 1 FROM workstation_evidence e
				              WHERE e.item_id = i.id AND e.unit_id = ? AND e.accepted = TRUE)""")
			.param(unitId)
			.query((rs, n) -> rs.getBigDecimal(1))
			.single()
			.setScale(2, RoundingMode.HALF_UP);
	}

	/**
	 * Every workstation in the scope with its scores, best 优秀 score first: the checklist's points × 70 % plus the
	 * satisfaction rate (满意率, percent) of the cases in the workstation's region over the last 12 whole months ×
	 * 30 %; no rated cases count as 0 there.
	 */
	@Transactional(readOnly = true)
	public List<Standing> standings(DataScope scope) {
		YearMonth lastMonth = YearMonth.from(LocalDate.ofInstant(clock.instant(), platform.timeZone())).minusMonths(1);
		List<Standing> standings = new ArrayList<>();
		for (UnitView workstation : workstations(scope)) {
			BigDecimal checklist = checklistScore(workstation.id());
			Double satisfaction = regions.find(workstation.regionId())
				.map(region -> queries.monthly(region, lastMonth.minusMonths(11).atDay(1), lastMonth.atDay(1))
					.values()
					.stream()
					.reduce(Figures.NONE, Figures::plus))
				.map(Kpi.SATISFACTION_RATE::value)
				.orElse(null);
			standings.add(new Standing(workstation, checklist, satisfaction, excellence(checklist, satisfaction)));
		}
		standings.sort(Comparator.comparing(Standing::excellenceScore).reversed()
			.thenComparing(standing -> standing.workstation().name()));
		return standings;
	}

	/** The best {@code size} 规范化 workstations (“50 佳”); ties at the cut are all kept. */
	@Transactional(readOnly = true)
	public List<Shortlisted> shortlist(DataScope scope, int size) {
		List<Standing> qualified = standings(scope).stream().filter(Standing::standard).toList();
		List<Shortlisted> shortlist = new ArrayList<>();
		for (int i = 0; i < qualified.size(); i++) {
			boolean tied = i > 0
					&& qualified.get(i).excellenceScore().compareTo(qualified.get(i - 1).excellenceScore()) == 0;
			int rank = tied ? shortlist.get(i - 1).rank() : i + 1;
			if (rank > size) {
				break;
			}
			shortlist.add(new Shortlisted(rank, qualified.get(i)));
		}
		return shortlist;
	}

	static BigDecimal excellence(BigDecimal checklist, Double satisfaction) {
		BigDecimal residents = satisfaction == null ? BigDecimal.ZERO : BigDecimal.valueOf(satisfaction);
		return checklist.multiply(CHECKLIST_WEIGHT)
			.add(residents.multiply(SATISFACTION_WEIGHT))
			.setScale(2, RoundingMode.HALF_UP);
	}

	private long unitOf(long evidenceId) {
		return jdbc.sql("SELECT unit_id FROM workstation_evidence WHERE id = ?")
			.param(evidenceId)
			.query(Long.class)
			.optional()
			.orElseThrow(NotFoundException::new);
	}

	private static void requireReadablePdf(byte[] upload) {
		if (upload.length > MAX_PDF_BYTES) {
			throw new InvalidRequestException("assessment.workstation.file");
		}
		try (PDDocument document = Loader.loadPDF(upload)) {
			if (document.getNumberOfPages() == 0) {
				throw new InvalidRequestException("assessment.workstation.file");
			}
		}
		catch (IOException ex) {
			throw new InvalidRequestException("assessment.workstation.file");
		}
	}

	private static boolean startsWith(byte[] content, byte[] prefix) {
		return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
	}

}
