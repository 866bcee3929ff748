/** Persistence settings and small SQL helpers shared by every module. */
@org.springframework.modulith.NamedInterface("persistence")
package chengguan.platform.persistence;
