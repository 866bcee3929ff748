package chengguan.catalog;

/** 现场解决 / 自行处置 / 派单处置 / 执法处置; Chinese names under {@code handling.mode.*}. */
public enum HandlingMode {

	ON_THE_SPOT, SELF, DISPATCHED, ENFORCEMENT

}
