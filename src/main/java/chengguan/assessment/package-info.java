/**
 * Assessment and analysis: the KPIs written down once ({@link chengguan.assessment.Kpi}), per-case facts and
 * rollups kept up to date from the case history by a scheduled refresh, and the leaders' dashboard with trends,
 * top problems, overdue cases, a heat map and rankings, drilled down the region tree.
 */
@org.springframework.modulith.ApplicationModule(displayName = "考核分析")
package chengguan.assessment;
