package chengguan.catalog;

/** 部件 / 事件. */
public enum CategoryKind {

	COMPONENT, EVENT

}
