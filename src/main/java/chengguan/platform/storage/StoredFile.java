package chengguan.platform.storage;

public record StoredFile(String id, String contentType, byte[] content) {
}
