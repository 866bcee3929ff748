package chengguan.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import chengguan.organization.RegionService;
import chengguan.organization.RegionView;
import chengguan.platform.PlatformProperties;
import chengguan.platform.audit.AuditAction;
import chengguan.platform.audit.AuditLog;
import chengguan.platform.security.StaffPrincipal;

import static chengguan.platform.persistence.DbTime.utc;

/**
 * The work calendar every deadline is counted on. Answers from an in-memory snapshot of the (small) calendar
 * tables, reloaded when it is edited here and at most a minute after it was edited on another node.
 */
@Service
public class WorkCalendar {

	private static final Duration SNAPSHOT_AGE = Duration.ofMinutes(1);

	private static final int MAX_NAME = 100;

	private static final int MAX_IMPORT_ROWS = 1000;

	private final JdbcClient jdbc;

	private final CalendarSettings settings;

	private final PlatformProperties platform;

	private final RegionService regions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final AuditLog audit;

	private volatile Snapshot snapshot;

	private record Snapshot(WorkingTime time, Instant loadedAt) {
	}

	WorkCalendar(JdbcClient jdbc, CalendarSettings settings, PlatformProperties platform, RegionService regions,
			ApplicationEventPublisher events, Clock clock, AuditLog audit) {
		this.audit = audit;
		this.jdbc = jdbc;
		this.settings = settings;
		this.platform = platform;
		this.regions = regions;
		this.events = events;
		this.clock = clock;
	}

	// ---- deadlines

	/** The deadline of a limit starting at {@code from} for something in {@code regionPath} (null: nationwide). */
	public Deadline deadline(Instant from, TimeLimit limit, String regionPath) {
		return current().deadline(from, limit, regionPath);
	}

	/** {@code amount} hours or days, as the API asks. */
	public Deadline deadline(Instant from, long amount, LimitUnit unit, String regionPath) {
		return deadline(from, TimeLimit.hours(amount, unit), regionPath);
	}

	/** Working time left until {@code due}, for countdowns of working-time limits. */
	public Duration workingTimeBetween(Instant from, Instant to, String regionPath) {
		return current().workingTimeBetween(from, to, regionPath);
	}

	/** The calendar as it stands now (reloaded if older than a minute). */
	public WorkingTime current() {
		Snapshot seen = snapshot;
		Instant now = Instant.now(); // wall time, not the platform clock: a rewound demo clock must not pin a stale copy
		if (seen == null || seen.loadedAt().plus(SNAPSHOT_AGE).isBefore(now) || seen.loadedAt().isAfter(now)) {
			seen = new Snapshot(load(), now);
			snapshot = seen;
		}
		return seen.time();
	}

	private WorkingTime load() {
		List<CalendarDay> days = jdbc.sql("SELECT id, calendar_date, kind, name, region_path FROM work_calendar_day")
			.query((rs, n) -> new CalendarDay(rs.getLong(1), rs.getObject(2, LocalDate.class),
					DayKind.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), null))
			.list();
		Set<Integer> years = new HashSet<>(
				jdbc.sql("SELECT calendar_year FROM work_calendar_year").query(Integer.class).list());
		return new WorkingTime(platform.timeZone(), settings.periods(), days, years);
	}

	private void reload() {
		snapshot = new Snapshot(load(), Instant.now());
	}

	/** Drops the snapshot, so the next question reads the tables again (after the tables changed underneath). */
	void forget() {
		snapshot = null;
	}

	// ---- reading

	@Transactional(readOnly = true)
	public CalendarYear year(int year) {
		Optional<String> source = jdbc.sql("SELECT source FROM work_calendar_year WHERE calendar_year = ?")
			.param(year)
			.query(String.class)
			.optional();
		List<CalendarDay> days = jdbc.sql("""
				SELECT d.id, d.calendar_date, d.kind, d.name, d.region_path, r.name
				FROM work_calendar_day d LEFT JOIN region r ON r.id = d.region_id
				WHERE d.calendar_date >= ? AND d.calendar_date < ?
				ORDER BY d.calendar_date, d.region_path""")
			.params(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1))
			.query((rs, n) -> new CalendarDay(rs.getLong(1), rs.getObject(2, LocalDate.class),
					DayKind.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6)))
			.list();
		return new CalendarYear(year, source.isPresent(), source.orElse(null), days);
	}

	/**
	 * The year whose calendar admins should import now: from 1 December on, next year if it has none; and the
	 * current year itself if it has none.
	 */
	@Transactional(readOnly = true)
	public Optional<Integer> missingYear() {
		LocalDate today = LocalDate.ofInstant(clock.instant(), platform.timeZone());
		WorkingTime time = current();
		if (!time.hasCalendar(today.getYear())) {
			return Optional.of(today.getYear());
		}
		if (today.getMonthValue() == 12 && !time.hasCalendar(today.getYear() + 1)) {
			return Optional.of(today.getYear() + 1);
		}
		return Optional.empty();
	}

	// ---- editing

	/** Adds a day off or a make-up working day, nationwide or for a region's subtree (within the admin's scope). */
	@Transactional
	public CalendarDay addDay(LocalDate date, DayKind kind, String name, Long regionId, StaffPrincipal who) {
		if (date == null || kind == null) {
			throw new CalendarRefused("calendar.day.incomplete");
		}
		String cleanName = name == null ? "" : name.strip();
		if (cleanName.isEmpty() || cleanName.length() > MAX_NAME) {
			throw new CalendarRefused("calendar.day.nameRequired", MAX_NAME);
		}
		RegionView region = null;
		if (regionId != null) {
			region = regions.find(regionId).orElseThrow(() -> new CalendarRefused("calendar.day.regionUnknown"));
			if (!who.scope().covers(region.path())) {
				throw new CalendarRefused("calendar.day.regionOutOfScope");
			}
		}
		else if (!nationwide(who)) {
			throw new CalendarRefused("calendar.day.nationalNeedsWholeScope");
		}
		String path = region == null ? "" : region.path();
		boolean taken = jdbc.sql("SELECT COUNT(*) FROM work_calendar_day WHERE region_path = ? AND calendar_date = ?")
			.params(path, date)
			.query(Integer.class)
			.single() > 0;
		if (taken) {
			throw new CalendarRefused("calendar.day.duplicate", date);
		}
		jdbc.sql("""
				INSERT INTO work_calendar_day (calendar_date, kind, name, region_id, region_path, created_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(date, kind.name(), cleanName, regionId, path, who.username(), utc(clock.instant()))
			.update();
		if (region == null) {
			markYear(date.getYear(), "手工维护", who.username());
		}
		reload();
		String what = (region == null ? "" : region.name() + " ") + date + " " + cleanName + "（"
				+ (kind == DayKind.HOLIDAY ? "放假" : "调休上班") + "）";
		audit.record(AuditAction.CALENDAR_DAY_ADDED, "work_calendar_day", date, what);
		events.publishEvent(new WorkCalendarChanged(Set.of(date), path, who.username(), "新增 " + what));
		return year(date.getYear()).days()
			.stream()
			.filter(day -> day.date().equals(date) && path.equals(day.regionPath()))
			.findFirst()
			.orElseThrow();
	}

	/** Removes a day; the date is then what its weekday says. */
	@Transactional
	public CalendarDay removeDay(long id, StaffPrincipal who) {
		CalendarDay day = jdbc.sql("SELECT id, calendar_date, kind, name, region_path FROM work_calendar_day WHERE id = ?")
			.param(id)
			.query((rs, n) -> new CalendarDay(rs.getLong(1), rs.getObject(2, LocalDate.class),
					DayKind.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), null))
			.optional()
			.orElseThrow(() -> new CalendarRefused("calendar.day.unknown"));
		if (day.national() ? !nationwide(who) : !who.scope().covers(day.regionPath())) {
			throw new CalendarRefused(day.national() ? "calendar.day.nationalNeedsWholeScope"
					: "calendar.day.regionOutOfScope");
		}
		jdbc.sql("DELETE FROM work_calendar_day WHERE id = ?").param(id).update();
		reload();
		audit.record(AuditAction.CALENDAR_DAY_REMOVED, "work_calendar_day", day.date(), day.name());
		events.publishEvent(new WorkCalendarChanged(Set.of(day.date()), day.regionPath(), who.username(),
				"删除 " + day.date() + " " + day.name()));
		return day;
	}

	/**
	 * Imports a year's nationwide calendar from CSV ({@code date,type,name}; type 放假/HOLIDAY or 上班/调休/WORKDAY;
	 * UTF-8, a BOM and a header line allowed). All rows or none: a file with any bad row changes nothing and every
	 * bad row is told. Rows for dates already in the calendar replace them.
	 * @return the years imported
	 */
	@Transactional
	public Set<Integer> importCsv(byte[] file, String fileName, StaffPrincipal who) {
		if (!nationwide(who)) {
			throw new CalendarRefused("calendar.day.nationalNeedsWholeScope");
		}
		String text = new String(file, StandardCharsets.UTF_8);
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		List<CalendarDay> rows = new ArrayList<>();
		List<String> errors = new ArrayList<>();
		try (BufferedReader lines = new BufferedReader(new StringReader(text))) {
			String line;
			int number = 0;
			while ((line = lines.readLine()) != null) {
				number++;
				if (line.isBlank() || (number == 1 && line.toLowerCase().startsWith("date"))) {
					continue;
				}
				String[] cells = line.split(",", -1);
				if (cells.length < 3) {
					errors.add("第 " + number + " 行：应为“日期,类型,名称”三列");
					continue;
				}
				LocalDate date;
				try {
					date = LocalDate.parse(cells[0].strip());
				}
				catch (DateTimeParseException ex) {
					errors.add("第 " + number + " 行：日期“" + cells[0].strip() + "”应写成 2027-01-01");
					continue;
				}
				DayKind kind = kind(cells[1].strip());
				if (kind == null) {
					errors.add("第 " + number + " 行：类型“" + cells[1].strip() + "”应为 放假 或 上班");
					continue;
				}
				String name = cells[2].strip();
				if (name.isEmpty() || name.length() > MAX_NAME) {
					errors.add("第 " + number + " 行：名称不能为空，且不超过 " + MAX_NAME + " 字");
					continue;
				}
				rows.add(new CalendarDay(null, date, kind, name, "", null));
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		if (rows.size() > MAX_IMPORT_ROWS) {
			errors.add("一次最多导入 " + MAX_IMPORT_ROWS + " 行");
		}
		if (rows.isEmpty() && errors.isEmpty()) {
			errors.add("文件中没有日期");
		}
		if (!errors.isEmpty()) {
			throw new CalendarRefused("calendar.import.invalid",
					String.join("；", errors.subList(0, Math.min(errors.size(), 10))));
		}
		Set<LocalDate> dates = new TreeSet<>();
		Set<Integer> years = new TreeSet<>();
		for (CalendarDay row : rows) {
			if (!dates.add(row.date())) {
				throw new CalendarRefused("calendar.import.invalid", row.date() + " 出现了两次");
			}
			years.add(row.date().getYear());
		}
		Instant now = clock.instant();
		jdbc.sql("DELETE FROM work_calendar_day WHERE region_path = '' AND calendar_date IN (:dates)")
			.param("dates", List.copyOf(dates))
			.update();
		for (CalendarDay row : rows) {
			jdbc.sql("""
					INSERT INTO work_calendar_day (calendar_date, kind, name, region_path, created_by, created_at)
					VALUES (?, ?, ?, '', ?, ?)""")
				.params(row.date(), row.kind().name(), row.name(), who.username(), utc(now))
				.update();
		}
		for (int year : years) {
			markYear(year, "导入 " + (fileName == null ? "文件" : fileName), who.username());
		}
		reload();
		audit.record(AuditAction.CALENDAR_IMPORTED, "work_calendar_year", years, rows.size() + " 天");
		events.publishEvent(new WorkCalendarChanged(dates, "", who.username(),
				"导入 " + years + " 年工作日历（" + rows.size() + " 天）"));
		return years;
	}

	/** Nationwide days are for admins whose scope is a whole tree (a root region), not one street's. */
	public static boolean nationwide(StaffPrincipal who) {
		String home = who.scope().homeRegionPath();
		return home.chars().filter(c -> c == '/').count() <= 2;
	}

	private static DayKind kind(String text) {
		return switch (text.toUpperCase()) {
			case "HOLIDAY", "放假", "休" -> DayKind.HOLIDAY;
			case "WORKDAY", "上班", "调休", "班" -> DayKind.WORKDAY;
			default -> null;
		};
	}

	private void markYear(int year, String source, String by) {
		int updated = jdbc.sql("UPDATE work_calendar_year SET source = ?, recorded_by = ?, recorded_at = ? WHERE calendar_year = ?")
			.params(truncate(source, 200), by, utc(clock.instant()), year)
			.update();
		if (updated == 0) {
			jdbc.sql("INSERT INTO work_calendar_year (calendar_year, source, recorded_by, recorded_at) VALUES (?, ?, ?, ?)")
				.params(year, truncate(source, 200), by, utc(clock.instant()))
				.update();
		}
	}

	private static String truncate(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max);
	}

}
