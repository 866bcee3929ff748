/**
 * Files behind one interface, so every node sees the same files (kept in the database by default), and the
 * checks every upload passes before it is kept.
 */
@org.springframework.modulith.NamedInterface("storage")
package chengguan.platform.storage;
