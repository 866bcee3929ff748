package chengguan.engagement;

/** How a resolution is carried out: a task with an owner and a deadline, or a case through intake. */
public enum DeliberationFollowUp {

	TASK,
	CASE

}
