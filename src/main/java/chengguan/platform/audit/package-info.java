/** The audit log: sign-ins, refusals and every administrative change, kept append-only. */
@org.springframework.modulith.NamedInterface("audit")
package chengguan.platform.audit;
