package chengguan.engagement;

/** Who signs up; the Chinese names are in messages.properties under {@code volunteer.kind.*}. */
public enum VolunteerKind {

	/** 志愿者: takes part in activities and is credited with service hours */
	VOLUNTEER,
	/** 百姓监督员 / 群众监督员: watches and reports; credited with the reports and suggestions they make */
	CITIZEN_SUPERVISOR

}
