package chengguan.engagement;

/** Whether residents can answer a survey: before its start date, during its period, after it or once closed. */
public enum SurveyStatus {

	NOT_STARTED, OPEN, CLOSED

}
