package chengguan.engagement;

/**
 * The three duties 门前三包 puts on a shop for the pavement in front of it; {@code frontageDuty.*} in
 * messages.properties holds the Chinese names.
 */
public enum FrontageDuty {

	/** 包市容: clean frontage, no clutter, no stray advertising (市容环境卫生) */
	APPEARANCE,
	/** 包秩序: no trading outside the shop, no disorderly parking */
	ORDER,
	/** 包绿化: the trees and green strips in front are looked after, not damaged or taken over */
	GREENING

}
