package chengguan.fieldwork;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import chengguan.fieldwork.DutyLogEntry.Participant;
import chengguan.fieldwork.LedgerSubmissions.State;
import chengguan.platform.security.OutOfScopeException;
import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.web.InvalidRequestException;
import chengguan.platform.web.NotFoundException;
import chengguan.support.IntegrationTest;
import chengguan.support.MutableClock;
import chengguan.support.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The monthly ledger is due by the end of the 2nd of the next month (Asia/Shanghai); a submission is frozen. */
@IntegrationTest
class LedgerSubmissionsTest {

	@Autowired
	LedgerSubmissions ledgers;

	@Autowired
	DutyLogs logs;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	MutableClock clock;

	@AfterEach
	void clean() {
		clock.reset();
		jdbc.sql("DELETE FROM ledger_submission WHERE ledger_month IN ('2025-05-01', '2025-06-01')").update();
		jdbc.sql("DELETE FROM duty_log_participant WHERE log_id IN (SELECT id FROM duty_log"
				+ " WHERE log_date BETWEEN '2025-05-01' AND '2025-06-30')").update();
		jdbc.sql("DELETE FROM duty_log WHERE log_date BETWEEN '2025-05-01' AND '2025-06-30'").update();
	}

	private void at(String shanghaiTime) {
		clock.setTo(OffsetDateTime.parse(shanghaiTime + "+08:00").toInstant());
	}

	private void visit(StaffPrincipal liaison, String date) {
		logs.record(new DutyLogEntry("370471001001", LocalDate.parse(date), LocalTime.of(9, 0), LocalTime.of(11, 0),
				Set.of(WorkItem.PATROL), "巡查德仁花园周边市容秩序", null, null,
				List.of(new Participant(Participant.Role.STAFF, liaison.staffId(), null, null)), null, null, null),
				liaison);
	}

	private LedgerSubmissions.LedgerStatus statusOf(long unitId, YearMonth month) {
		return ledgers.statuses(month, accounts.principal("dispatcher").scope())
			.stream()
			.filter(status -> status.unit().id() == unitId)
			.findFirst()
			.orElseThrow();
	}

	@Test
	void dueUntilTheEndOfTheSecondThenOverdueAndALateSubmissionIsLate() {
		StaffPrincipal liaison = accounts.principal("xingren");
		long unit = liaison.unitId();
		YearMonth june = YearMonth.of(2025, 6);

		at("2025-06-20T10:00:00");
		visit(liaison, "2025-06-18");
		assertThat(statusOf(unit, june).state()).isEqualTo(State.IN_PROGRESS);
		assertThatThrownBy(() -> ledgers.submit(unit, june, liaison)).isInstanceOf(InvalidRequestException.class)
			.hasFieldOrPropertyWithValue("messageCode", "ledger.submit.monthNotOver");

		at("2025-07-01T08:00:00");
		assertThat(statusOf(unit, june).state()).isEqualTo(State.DUE);
		assertThat(statusOf(unit, june).dueDate()).isEqualTo(LocalDate.parse("2025-07-02"));
		assertThat(statusOf(unit, june).entries()).isEqualTo(1);
		at("2025-07-02T23:59:59");
		assertThat(statusOf(unit, june).state()).isEqualTo(State.DUE);
		at("2025-07-03T00:00:00");
		assertThat(statusOf(unit, june).state()).isEqualTo(State.OVERDUE);

		at("2025-07-04T09:30:00");
		LedgerSubmissions.LedgerStatus late = ledgers.submit(unit, june, liaison);
		assertThat(late.state()).isEqualTo(State.LATE);
		assertThat(late.submission().submittedBy()).isEqualTo("xingren");
		assertThat(statusOf(unit, june).state()).isEqualTo(State.LATE);
	}

	@Test
	void aSubmissionInTimeIsFrozenAndACorrectionKeepsItOnTime() throws Exception {
		StaffPrincipal liaison = accounts.principal("xingren");
		long unit = liaison.unitId();
		YearMonth may = YearMonth.of(2025, 5);
		at("2025-05-31T18:00:00");
		visit(liaison, "2025-05-12");
		// the last day of the month may already submit
		at("2025-06-02T20:00:00");
		LedgerSubmissions.LedgerStatus onTime = ledgers.submit(unit, may, liaison);
		assertThat(onTime.state()).isEqualTo(State.ON_TIME);
		assertThat(onTime.submission().entries()).isEqualTo(1);

		at("2025-06-05T10:00:00");
		visit(liaison, "2025-05-20");
		assertThat(rows(ledgers.submitted(unit, may, LedgerSubmissions.Format.XLSX, liaison).orElseThrow().content()))
			.isEqualTo(1);
		assertThat(rows(ledgers.render(unit, may, LedgerSubmissions.Format.XLSX, liaison))).isEqualTo(2);
		assertThat(ledgers.submitted(unit, may, LedgerSubmissions.Format.PDF, liaison).orElseThrow().content())
			.startsWith("%PDF".getBytes());

		at("2025-06-10T10:00:00");
		LedgerSubmissions.LedgerStatus corrected = ledgers.submit(unit, may, liaison);
		assertThat(corrected.state()).isEqualTo(State.ON_TIME);
		assertThat(corrected.submission().entries()).isEqualTo(2);
		assertThat(corrected.submission().submittedAt()).isEqualTo(Instant.parse("2025-06-02T12:00:00Z"));
		assertThat(corrected.submission().resubmittedAt()).isEqualTo(Instant.parse("2025-06-10T02:00:00Z"));
		assertThat(rows(ledgers.submitted(unit, may, LedgerSubmissions.Format.XLSX, liaison).orElseThrow().content()))
			.isEqualTo(2);
	}

	@Test
	void onlyTheUnitItselfOrTheOfficeSubmits() {
		long unit = accounts.principal("xingren").unitId();
		at("2025-06-01T09:00:00");
		assertThatThrownBy(() -> ledgers.submit(unit, YearMonth.of(2025, 5), accounts.principal("xingcheng")))
			.isInstanceOfAny(NotFoundException.class, OutOfScopeException.class);
		assertThat(ledgers.submit(unit, YearMonth.of(2025, 5), accounts.principal("dispatcher")).state())
			.isEqualTo(State.ON_TIME);
	}

	/** Ledger rows between the headings (row 3) and the 注 line. */
	private static int rows(byte[] xlsx) throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			return workbook.getSheetAt(0).getLastRowNum() - 3;
		}
	}

}
