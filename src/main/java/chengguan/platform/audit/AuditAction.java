package chengguan.platform.audit;

/** What an audit entry records; the labels are in messages.properties under {@code audit.action.*}. */
public enum AuditAction {

	SIGN_IN_SUCCESS, SIGN_IN_FAILURE, SIGN_OUT, SCOPE_DENIED, PASSWORD_CHANGED,

	USER_CREATED, USER_UPDATED, PASSWORD_RESET, USER_UNLOCKED,

	REGION_CREATED, REGION_UPDATED, REGION_DELETED,

	UNIT_CREATED, UNIT_UPDATED,

	STAFF_CREATED, STAFF_UPDATED, STAFF_PHOTO_UPDATED,

	ASSIGNMENT_UPDATED,

	EXPORTED

}
