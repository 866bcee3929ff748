package chengguan.calendar;

import java.util.List;

/**
 * A year of the calendar as the admin page and the API show it.
 * @param imported whether its calendar was imported; if not, only weekends are days off
 */
public record CalendarYear(int year, boolean imported, String source, List<CalendarDay> days) {
}
