/** The web shell: errors people can read, the home page, time display. */
@org.springframework.modulith.NamedInterface("web")
package chengguan.platform.web;
