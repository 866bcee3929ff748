package chengguan.intake;

/** Why one row of a 12345 file was not imported; {@code line} as Excel numbers it. */
public record ImportRowError(int line, String message) {
}
