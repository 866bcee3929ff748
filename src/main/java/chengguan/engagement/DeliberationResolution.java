package chengguan.engagement;

import java.time.LocalDate;

/**
 * A resolution 决议 of a meeting and how it is followed up.
 *
 * @param taskOpen a task not yet done
 * @param overdue an open task past its deadline day, as of when it was read
 */
public record DeliberationResolution(long id, long meetingId, LocalDate meetingDate, String meetingTitle,
		String content, DeliberationFollowUp followUp, String taskOwner, LocalDate taskDeadline, boolean taskOpen,
		LocalDate doneOn, String doneNote, Long reportId, String reportTrackingCode, long version, boolean overdue) {
}
