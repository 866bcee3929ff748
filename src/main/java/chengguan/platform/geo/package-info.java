/** Distances on the earth's surface, for "near each other" checks (duplicates, check-ins). */
@org.springframework.modulith.NamedInterface("geo")
package chengguan.platform.geo;
