package chengguan.fieldwork;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import chengguan.organization.AssignmentService;
import chengguan.organization.RosterService;
import chengguan.organization.UnitView;
import chengguan.platform.PlatformProperties;
import chengguan.platform.audit.AuditAction;
import chengguan.platform.audit.AuditLog;
import chengguan.platform.security.DataScope;
import chengguan.platform.security.Role;
import chengguan.platform.security.ScopeGuard;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.storage.FileStorage;
import chengguan.platform.storage.StoredFile;
import chengguan.platform.web.InvalidRequestException;
import chengguan.platform.web.NotFoundException;

import static chengguan.platform.persistence.DbTime.utc;

/**
 * The monthly 工作台账 of each unit: rendered from the duty logs (.xlsx and PDF), submitted by the unit once the month
 * is over and due by the end of the 2nd of the next month (seed 000: 每月2日前报送). A submission freezes both files;
 * what is due and not submitted shows as overdue to the office.
 */
@Service
public class LedgerSubmissions {

	public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	public static final String PDF = "application/pdf";

	/** The day of the following month by whose end a ledger is due. */
	static final int DUE_DAY = 2;

	/** Where a unit's ledger for a month stands. */
	public enum State {

		/** the month is not over yet */
		IN_PROGRESS,
		/** the month is over, not submitted, still within the deadline */
		DUE,
		/** not submitted and the deadline has passed */
		OVERDUE,
		ON_TIME, LATE;

		public boolean submitted() {
			return this == ON_TIME || this == LATE;
		}

	}

	public enum Format {

		XLSX, PDF

	}

	public record Submission(Instant submittedAt, String submittedBy, int entries, Instant resubmittedAt) {
	}

	public record LedgerStatus(UnitView unit, YearMonth month, LocalDate dueDate, int entries, State state,
			Submission submission) {
	}

	private final JdbcClient jdbc;

	private final DutyLogs logs;

	private final RosterService roster;

	private final AssignmentService assignments;

	private final FileStorage files;

	private final AuditLog auditLog;

	private final PlatformProperties platform;

	private final Clock clock;

	private final ScopeGuard scopeGuard;

	LedgerSubmissions(JdbcClient jdbc, DutyLogs logs, RosterService roster, AssignmentService assignments,
			FileStorage files, AuditLog auditLog, PlatformProperties platform, Clock clock, ScopeGuard scopeGuard) {
		this.scopeGuard = scopeGuard;
		this.jdbc = jdbc;
		this.logs = logs;
		this.roster = roster;
		this.assignments = assignments;
		this.files = files;
		this.auditLog = auditLog;
		this.platform = platform;
		this.clock = clock;
	}

	public static LocalDate dueDate(YearMonth month) {
		return month.plusMonths(1).atDay(DUE_DAY);
	}

	/** The ledger as it stands now, from the logs, for a unit in the person's reach. */
	@Transactional(readOnly = true)
	public byte[] render(long unitId, YearMonth month, Format format, StaffPrincipal who) {
		UnitView unit = readableLedger(unitId, month, who);
		return render(unit, month, format, who);
	}

	/**
	 * A unit's ledger lists every community its people visited, so only someone whose scope holds the unit's whole
	 * area may read it: the unit's own region and every community of its visits that month. Seeing a unit's name
	 * (a community sees the 中队 and 科室 above it) is not enough — 德仁社区 must not read 兴仁中队's ledger.
	 */
	private UnitView readableLedger(long unitId, YearMonth month, StaffPrincipal who) {
		UnitView unit = roster.unit(unitId, who);
		scopeGuard.requireCovers(who, unit.regionPath(), "ledger", unitId);
		jdbc.sql("""
				SELECT region_path FROM duty_log WHERE unit_id = ? AND log_date BETWEEN ? AND ? AND region_path NOT LIKE ?
				FETCH FIRST 1 ROWS ONLY""")
			.params(unitId, month.atDay(1), month.atEndOfMonth(), who.scope().pathPattern())
			.query(String.class)
			.optional()
			.ifPresent(outside -> scopeGuard.requireCovers(who, outside, "ledger", unitId));
		return unit;
	}

	private byte[] render(UnitView unit, YearMonth month, Format format, StaffPrincipal who) {
		LedgerWorkbook.Header header = new LedgerWorkbook.Header(unit.name(), today(), who.displayName(), unit.phone(),
				month);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			if (format == Format.PDF) {
				LedgerPdf.write(header, logs.ledgerEntries(unit.id(), month), out);
			}
			else {
				LedgerWorkbook.write(header, logs.ledgerEntries(unit.id(), month), out);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * Submits (or corrects) a unit's ledger for a month that is over or ends today. A liaison submits for their own
	 * unit; the office for any unit in its scope.
	 */
	@Transactional
	public LedgerStatus submit(long unitId, YearMonth month, StaffPrincipal who) {
		UnitView unit = roster.unit(unitId, who);
		if (!who.scope().covers(unit.regionPath())
				|| (!who.hasAnyRole(Role.ADMIN, Role.DISPATCHER) && !Long.valueOf(unitId).equals(who.unitId()))) {
			throw new NotFoundException();
		}
		if (today().isBefore(month.atEndOfMonth())) {
			throw new InvalidRequestException("ledger.submit.monthNotOver");
		}
		int entries = entries(unitId, month);
		String xlsx = files.store(render(unit, month, Format.XLSX, who), XLSX);
		String pdf = files.store(render(unit, month, Format.PDF, who), PDF);
		Optional<String[]> previous = jdbc
			.sql("SELECT xlsx_file_id, pdf_file_id FROM ledger_submission WHERE unit_id = ? AND ledger_month = ?")
			.params(unitId, month.atDay(1))
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.optional();
		if (previous.isPresent()) {
			jdbc.sql("""
					UPDATE ledger_submission SET resubmitted_at = ?, submitted_by = ?, entries = ?, xlsx_file_id = ?,
					    pdf_file_id = ?
					WHERE unit_id = ? AND ledger_month = ?""")
				.params(utc(clock.instant()), who.username(), entries, xlsx, pdf, unitId, month.atDay(1))
				.update();
			for (String old : previous.get()) {
				if (old != null) {
					files.delete(old);
				}
			}
		}
		else {
			jdbc.sql("""
					INSERT INTO ledger_submission (unit_id, ledger_month, submitted_at, submitted_by, entries,
					    xlsx_file_id, pdf_file_id)
					VALUES (?, ?, ?, ?, ?, ?, ?)""")
				.params(unitId, month.atDay(1), utc(clock.instant()), who.username(), entries, xlsx, pdf)
				.update();
		}
		auditLog.record(AuditAction.LEDGER_SUBMITTED, "unit", unitId, month + " entries=" + entries);
		return status(unit, month, entries);
	}

	/** The submitted file, as it was when submitted. */
	@Transactional(readOnly = true)
	public Optional<StoredFile> submitted(long unitId, YearMonth month, Format format, StaffPrincipal who) {
		readableLedger(unitId, month, who);
		return jdbc
			.sql("SELECT " + (format == Format.PDF ? "pdf_file_id" : "xlsx_file_id")
					+ " FROM ledger_submission WHERE unit_id = ? AND ledger_month = ?")
			.params(unitId, month.atDay(1))
			.query(String.class)
			.optional()
			.flatMap(files::load);
	}

	/**
	 * Every unit inside the scope that owes a ledger for the month — units whose staff owe community visits, and any
	 * unit that logged visits that month — with where its ledger stands.
	 */
	@Transactional(readOnly = true)
	public List<LedgerStatus> statuses(YearMonth month, DataScope scope) {
		// the month's entries and submissions of every unit in one query each, not two per unit
		Map<Long, Integer> entries = new HashMap<>();
		jdbc.sql("""
				SELECT unit_id, COUNT(*) FROM duty_log
				WHERE unit_id IS NOT NULL AND region_path LIKE ? AND log_date BETWEEN ? AND ? GROUP BY unit_id""")
			.params(scope.pathPattern(), month.atDay(1), month.atEndOfMonth())
			.query(rs -> {
				entries.put(rs.getLong(1), rs.getInt(2));
			});
		Map<Long, Submission> submissions = new HashMap<>();
		jdbc.sql("SELECT unit_id, " + SUBMISSION_COLUMNS + " FROM ledger_submission WHERE ledger_month = ?")
			.param(month.atDay(1))
			.query(rs -> {
				submissions.put(rs.getLong(1), submission(rs, 2));
			});
		Set<Long> owing = new LinkedHashSet<>(entries.keySet());
		assignments.visitDuties(scope).forEach(duty -> owing.add(duty.staffUnitId()));
		List<LedgerStatus> statuses = new ArrayList<>();
		for (UnitView unit : roster.visibleUnits(scope)) {
			if (owing.contains(unit.id()) && scope.covers(unit.regionPath())) {
				statuses.add(status(unit, month, entries.getOrDefault(unit.id(), 0),
						Optional.ofNullable(submissions.get(unit.id()))));
			}
		}
		return statuses;
	}

	private static final String SUBMISSION_COLUMNS = "submitted_at, submitted_by, entries, resubmitted_at";

	private static Submission submission(java.sql.ResultSet rs, int first) throws java.sql.SQLException {
		return new Submission(rs.getObject(first, java.time.OffsetDateTime.class).toInstant(), rs.getString(first + 1),
				rs.getInt(first + 2), Optional.ofNullable(rs.getObject(first + 3, java.time.OffsetDateTime.class))
					.map(java.time.OffsetDateTime::toInstant)
					.orElse(null));
	}

	private LedgerStatus status(UnitView unit, YearMonth month, int entries) {
		return status(unit, month, entries, jdbc
			.sql("SELECT " + SUBMISSION_COLUMNS + " FROM ledger_submission WHERE unit_id = ? AND ledger_month = ?")
			.params(unit.id(), month.atDay(1))
			.query((rs, n) -> submission(rs, 1))
			.optional());
	}

	private LedgerStatus status(UnitView unit, YearMonth month, int entries, Optional<Submission> submission) {
		Instant deadline = ZonedDateTime.of(dueDate(month).plusDays(1).atStartOfDay(), platform.timeZone()).toInstant();
		State state;
		if (submission.isPresent()) {
			state = submission.get().submittedAt().isBefore(deadline) ? State.ON_TIME : State.LATE;
		}
		else if (!today().isAfter(month.atEndOfMonth())) {
			state = State.IN_PROGRESS;
		}
		else {
			state = clock.instant().isBefore(deadline) ? State.DUE : State.OVERDUE;
		}
		return new LedgerStatus(unit, month, dueDate(month), entries, state, submission.orElse(null));
	}

	private int entries(long unitId, YearMonth month) {
		return jdbc.sql("SELECT COUNT(*) FROM duty_log WHERE unit_id = ? AND log_date BETWEEN ? AND ?")
			.params(unitId, month.atDay(1), month.atEndOfMonth())
			.query(Integer.class)
			.single();
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), platform.timeZone());
	}

}
