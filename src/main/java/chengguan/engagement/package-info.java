/**
 * Residents and partners take part: satisfaction surveys (附件1 built in), suggestions and the needs list, publicity
 * events, deliberation meetings with their resolutions, volunteers and citizen supervisors, and merchants' 门前三包
 * points.
 */
@org.springframework.modulith.ApplicationModule(displayName = "居民参与")
package chengguan.engagement;
