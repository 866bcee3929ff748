package chengguan.cases;

/** Why a unit was called to a case; {@code case.call.*} in messages.properties. */
public enum CallKind {

	/** 吹哨: must 报到 within the limit, then answer */
	WHISTLE,
	/** 协办: a part of the handling this unit owes */
	JOINT,
	/** 督办: a supervision order with its own deadline */
	SUPERVISION

}
