package chengguan.platform.storage;

import java.util.Optional;

/** Where uploaded files live. The default keeps them in the database, which every node shares. */
public interface FileStorage {

	/** @return the new file's id */
	String store(byte[] content, String contentType);

	Optional<StoredFile> load(String id);

	void delete(String id);

}
