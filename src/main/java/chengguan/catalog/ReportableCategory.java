package chengguan.catalog;

/** A leaf with the names of the nodes above it, e.g. 街面秩序 / 占道经营 for 流动摊贩. */
public record ReportableCategory(CategoryView category, String groupPath) {
}
