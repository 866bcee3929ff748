package chengguan.platform.storage;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class DatabaseFileStorage implements FileStorage {

	private final JdbcClient jdbc;

	private final Clock clock;

	DatabaseFileStorage(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional
	public String store(byte[] content, String contentType) {
		String id = UUID.randomUUID().toString();
		jdbc.sql("INSERT INTO stored_file (id, content_type, size_bytes, content, created_at) VALUES (?, ?, ?, ?, ?)")
			.params(id, contentType, content.length, content, Timestamp.from(clock.instant()))
			.update();
		return id;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<StoredFile> load(String id) {
		return jdbc.sql("SELECT id, content_type, content FROM stored_file WHERE id = ?")
			.param(id)
			.query((rs, row) -> new StoredFile(rs.getString("id"), rs.getString("content_type"),
					rs.getBytes("content")))
			.optional();
	}

	@Override
	@Transactional
	public void delete(String id) {
		jdbc.sql("DELETE FROM stored_file WHERE id = ?").param(id).update();
	}

}
