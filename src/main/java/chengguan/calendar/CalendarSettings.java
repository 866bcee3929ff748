package chengguan.calendar;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param workingHours the working periods of a working day, as {@code HH:mm-HH:mm}; default 08:30-12:00 and
 *                     13:30-17:30
 */
@ConfigurationProperties("chengguan.calendar")
public record CalendarSettings(List<String> workingHours) {

	public CalendarSettings {
		workingHours = workingHours == null || workingHours.isEmpty() ? List.of("08:30-12:00", "13:30-17:30")
				: List.copyOf(workingHours);
		periods(workingHours); // refuses a wrong setting at start-up, not at the first deadline
	}

	public List<WorkingTime.Period> periods() {
		return periods(workingHours);
	}

	private static List<WorkingTime.Period> periods(List<String> texts) {
		List<WorkingTime.Period> periods = new ArrayList<>();
		for (String text : texts) {
			String[] parts = text.strip().split("\\s*-\\s*");
			if (parts.length != 2) {
				throw new IllegalArgumentException("chengguan.calendar.working-hours: expected HH:mm-HH:mm, got " + text);
			}
			periods.add(new WorkingTime.Period(LocalTime.parse(parts[0]), LocalTime.parse(parts[1])));
		}
		return periods;
	}

}
