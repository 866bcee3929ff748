package chengguan.engagement;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import chengguan.platform.security.StaffPrincipal;
import chengguan.platform.web.ConflictException;
import chengguan.platform.web.UserFacingException;
import chengguan.support.IntegrationTest;
import chengguan.support.MutableClock;
import chengguan.support.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Events: capacity and duplicate phones under concurrency, attendance, and the held event in the duty log. */
@IntegrationTest
class PublicityEventsTest {

	/** 法制宣传日 2030, 08:00 in Shanghai (years away, so its duty logs fall in no month other tests look at). */
	static final OffsetDateTime LEGAL_DAY_MORNING = OffsetDateTime.parse("2030-12-04T08:00:00+08:00");

	static final LocalDate LEGAL_DAY = LEGAL_DAY_MORNING.toLocalDate();

	@Autowired
	PublicityEvents events;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void morningOfTheLegalDay() {
		clock.setTo(LEGAL_DAY_MORNING.toInstant());
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	private long staff(String phone) {
		return jdbc.sql("SELECT id FROM staff WHERE phone = ?").param(phone).query(Long.class).single();
	}

	private PublicityEvent plan(PublicityEventKind kind, LocalDate date, int capacity) {
		StaffPrincipal liaison = accounts.principal("xingren");
		long id = events.plan(new PublicityEventPlan("“以案释法”普法宣传进德仁", kind, "370471001001", "德仁社区党群服务中心",
				date, LocalTime.of(9, 0), LocalTime.of(11, 30), capacity, staff("13800003001"), "讲解门前三包与违建查处"),
				liaison);
		return events.get(id, liaison);
	}

	private int signUps(long eventId) {
		return jdbc.sql("SELECT COUNT(*) FROM publicity_event_signup WHERE event_id = ?").param(eventId)
			.query(Integer.class).single();
	}

	private int counter(long eventId) {
		return jdbc.sql("SELECT signed_up FROM publicity_event WHERE id = ?").param(eventId).query(Integer.class).single();
	}

	@Test
	void theSignUpAfterTheLastSeatIsRefused() {
		PublicityEvent event = plan(PublicityEventKind.OPEN_DAY, LEGAL_DAY.plusDays(3), 3);
		events.signUp(event.code(), "王芳", "13900000101", null);
		events.signUp(event.code(), "刘强", "13900000102", null);
		events.signUp(event.code(), "陈静", "13900000103", null);

		assertThatThrownBy(() -> events.signUp(event.code(), "赵磊", "13900000104", null))
			.isInstanceOf(ConflictException.class)
			.extracting(ex -> ((UserFacingException) ex).messageCode())
			.isEqualTo("publicityEvent.signUp.full");
		assertThat(signUps(event.id())).isEqualTo(3);
		assertThat(counter(event.id())).isEqualTo(3);
		assertThat(events.byCode(event.code().toLowerCase()).signUpOpen()).isFalse();
	}

	@Test
	void aPhoneSignsUpOnceHoweverItIsWritten() {
		PublicityEvent event = plan(PublicityEventKind.LAW_PUBLICITY, LEGAL_DAY.plusDays(2), 10);
		events.signUp(event.code(), "王芳", "13900000201", null);
		assertThatThrownBy(() -> events.signUp(event.code(), "王芳", "+86 139-0000-0201", null))
			.extracting(ex -> ((UserFacingException) ex).messageCode())
			.isEqualTo("publicityEvent.signUp.duplicate");
		assertThat(signUps(event.id())).isEqualTo(1);
		assertThat(counter(event.id())).isEqualTo(1);
	}

	@Test
	void concurrentSignUpsNeverPassTheCapacityNorRepeatAPhone() throws Exception {
		PublicityEvent event = plan(PublicityEventKind.TRAINING, LEGAL_DAY.plusDays(4), 5);
		// 12 different phones race for 5 seats
		List<Runnable> different = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			String phone = "1390000" + String.format("%04d", 300 + i);
			different.add(() -> events.signUp(event.code(), "居民" + phone.substring(7), phone, null));
		}
		assertThat(race(different)).isEqualTo(5);
		assertThat(signUps(event.id())).isEqualTo(5);
		assertThat(counter(event.id())).isEqualTo(5);

		PublicityEvent roomy = plan(PublicityEventKind.TRAINING, LEGAL_DAY.plusDays(4), 50);
		List<Runnable> samePhone = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			samePhone.add(() -> events.signUp(roomy.code(), "重复", "13900000400", null));
		}
		assertThat(race(samePhone)).isEqualTo(1);
		assertThat(signUps(roomy.id())).isEqualTo(1);
		assertThat(counter(roomy.id())).isEqualTo(1);
	}

	/** Runs the sign-ups at the same moment; returns how many went through (refusals must be the user-facing kind). */
	private static int race(List<Runnable> tasks) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<Boolean>> results = new ArrayList<>();
			for (Runnable task : tasks) {
				results.add(pool.submit(() -> {
					start.await();
					try {
						task.run();
						return true;
					}
					catch (UserFacingException refused) {
						return false;
					}
				}));
			}
			start.countDown();
			int succeeded = 0;
			for (Future<Boolean> result : results) {
				succeeded += result.get(60, TimeUnit.SECONDS) ? 1 : 0;
			}
			return succeeded;
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aHeldEventIsRecordedInTheOrganisersDutyLogWithWhoCame() {
		PublicityEvent event = plan(PublicityEventKind.LEGAL_DAY, LEGAL_DAY, 30);
		events.signUp(event.code(), "王芳", "13900000501", null);
		events.signUp(event.code(), "刘强", "13900000502", null);
		StaffPrincipal dispatcher = accounts.principal("dispatcher");
		long first = events.signUps(event.id(), dispatcher).get(0).id();
		events.markAttendance(event.id(), first, true, dispatcher);

		clock.setTo(LEGAL_DAY_MORNING.plusHours(4).toInstant());
		PublicityEvent held = events.markHeld(event.id(), event.version(), "宣讲《城市市容和环境卫生管理条例》，发放资料 120 份",
				dispatcher);

		assertThat(held.status()).isEqualTo(PublicityEventStatus.HELD);
		assertThat(held.dutyLogId()).isNotNull();
		record Log(LocalDate date, LocalTime start, LocalTime end, String items, String done, long unitId, long communityId,
				String createdBy) {
		}
		Log log = jdbc.sql("""
				SELECT log_date, start_time, end_time, work_items, what_was_done, unit_id, community_id, created_by
				FROM duty_log WHERE id = ?""")
			.param(held.dutyLogId())
			.query((rs, n) -> new Log(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalTime.class),
					rs.getObject(3, LocalTime.class), rs.getString(4), rs.getString(5), rs.getLong(6), rs.getLong(7),
					rs.getString(8)))
			.single();
		assertThat(log.date()).isEqualTo(LEGAL_DAY);
		assertThat(log.start()).isEqualTo(LocalTime.of(9, 0));
		assertThat(log.end()).isEqualTo(LocalTime.of(11, 30));
		assertThat(log.items()).isEqualTo("LAW_PUBLICITY");
		assertThat(log.done()).isEqualTo("法制宣传日：“以案释法”普法宣传进德仁（德仁社区党群服务中心），报名 2 人，到场 1 人。"
				+ "宣讲《城市市容和环境卫生管理条例》，发放资料 120 份");
		long organiser = staff("13800003001");
		assertThat(log.unitId()).as("the organiser's unit, not the dispatcher's")
			.isEqualTo(jdbc.sql("SELECT unit_id FROM staff WHERE id = ?").param(organiser).query(Long.class).single());
		assertThat(log.communityId()).isEqualTo(event.communityId());
		assertThat(log.createdBy()).isEqualTo(dispatcher.username());
		assertThat(jdbc.sql("SELECT staff_id FROM duty_log_participant WHERE log_id = ? AND role = 'STAFF'")
			.param(held.dutyLogId()).query(Long.class).list()).containsExactly(organiser);

		assertThatThrownBy(() -> events.markHeld(event.id(), held.version(), "再次标记", dispatcher))
			.extracting(ex -> ((UserFacingException) ex).messageCode())
			.isEqualTo("publicityEvent.held.already");
	}

	@Test
	void anEventIsNotHeldBeforeItsDayAndAVolunteerActivityCountsAsVolunteering() {
		PublicityEvent tomorrow = plan(PublicityEventKind.VOLUNTEER_ACTIVITY, LEGAL_DAY.plusDays(1), 20);
		StaffPrincipal liaison = accounts.principal("xingren");
		assertThatThrownBy(() -> events.markHeld(tomorrow.id(), tomorrow.version(), "志愿者清理楼道堆物", liaison))
			.extracting(ex -> ((UserFacingException) ex).messageCode())
			.isEqualTo("publicityEvent.held.notYet");

		clock.setTo(LEGAL_DAY_MORNING.plusDays(1).plusHours(6).toInstant());
		PublicityEvent held = events.markHeld(tomorrow.id(), tomorrow.version(), "志愿者清理楼道堆物 12 处", liaison);
		assertThat(jdbc.sql("SELECT work_items FROM duty_log WHERE id = ?").param(held.dutyLogId())
			.query(String.class).single()).isEqualTo("VOLUNTEERING");
	}

	@Test
	void signUpsCloseWhenTheEventStarts() {
		PublicityEvent event = plan(PublicityEventKind.LAW_PUBLICITY, LEGAL_DAY, 10);
		clock.setTo(LEGAL_DAY_MORNING.plusHours(1).toInstant());
		assertThatThrownBy(() -> events.signUp(event.code(), "迟到", "13900000601", null))
			.extracting(ex -> ((UserFacingException) ex).messageCode())
			.isEqualTo("publicityEvent.signUp.closed");
	}

}
