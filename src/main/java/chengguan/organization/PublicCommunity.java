package chengguan.organization;

/** A community as the public API lists it. */
public record PublicCommunity(String code, String name, String street) {
}
