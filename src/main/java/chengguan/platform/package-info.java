/**
 * Cross-cutting parts every capability uses: time, persistence settings, the audit log, file storage,
 * the security vocabulary (roles, data scope) and the web shell (layout, error pages, home page).
 * It depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "平台")
package chengguan.platform;
