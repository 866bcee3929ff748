package chengguan.engagement;

import java.time.LocalDate;

/** A meeting in the list, with how many of its tasks are still open and how many of those are overdue. */
public record DeliberationMeetingRow(long id, String communityName, DeliberationKind kind, String title, LocalDate date,
		int resolutions, int openTasks, int overdueTasks) {
}
