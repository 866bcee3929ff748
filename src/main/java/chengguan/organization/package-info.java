/**
 * Organisation and people: the region tree 市/区/街道/社区/小区 with grids, units, the staff roster and who
 * answers for each community (附件3). Its public services are the API other modules use.
 */
@org.springframework.modulith.ApplicationModule(displayName = "组织与人员")
package chengguan.organization;
