package chengguan.engagement;

import java.time.LocalDate;
import java.time.LocalTime;

/** An event as planned: what, where, when (one day, start and end), how many may sign up, who organises it. */
public record PublicityEventPlan(String title, PublicityEventKind kind, String communityCode, String place,
		LocalDate date, LocalTime start, LocalTime end, Integer capacity, Long organiserStaffId, String description) {
}
