package chengguan.engagement;

/** A community residents can send suggestions and needs for, as its public page names it. */
public record NeedCommunity(long id, String code, String name, String streetName, String path) {
}
