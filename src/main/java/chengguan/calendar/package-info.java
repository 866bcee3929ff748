/**
 * The work calendar (工作日历): statutory holidays and make-up working days (调休) per year, local days of a region,
 * the working hours, and the one engine that turns a time limit (natural hours, working hours, working days) into a
 * deadline and its 80 % warning. Its own module rather than part of platform: it holds data admins keep (a page, an
 * import, an API) and a rule of the bureau, not plumbing; cases call it, and hear of nothing back except the
 * {@link chengguan.calendar.WorkCalendarChanged} event that makes them recompute running deadlines.
 */
@org.springframework.modulith.ApplicationModule(displayName = "工作日历")
package chengguan.calendar;
