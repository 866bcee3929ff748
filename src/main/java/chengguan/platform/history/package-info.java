/**
 * Tamper evidence for the append-only tables (case history, audit log): rows sealed with a keyed MAC, signed
 * anchors kept outside the database, triggers that refuse UPDATE and DELETE, and the check that compares them.
 */
@org.springframework.modulith.NamedInterface("history")
package chengguan.platform.history;
