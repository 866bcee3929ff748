/**
 * Field work: liaison officers' duty logs of community visits (with a location check-in and findings that become
 * cases), visit rules per region inherited down the tree with a compliance check, the monthly 工作台账 (附件2), and
 * property supervision 物业监督 (property companies and their compounds, scored inspections against a checklist,
 * rectification notices with re-inspections).
 */
@org.springframework.modulith.ApplicationModule(displayName = "进社区勤务")
package chengguan.fieldwork;
