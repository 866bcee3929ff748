/**
 * Lists and classification: the problem taxonomy of 部件 and 事件 (GB/T 30428.2), with each leaf's
 * responsible department, default handling mode, time limits and legal basis.
 */
@org.springframework.modulith.ApplicationModule(displayName = "问题分类")
package chengguan.catalog;
