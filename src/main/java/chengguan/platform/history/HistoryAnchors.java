package chengguan.platform.history;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signed anchors in a file outside the database. Each anchor records, per table, the highest row id, the row count
 * and a digest rolled over the rows in id order, continued from the anchor before (so writing one reads only the new
 * rows). Rows newer than the commit horizon wait for the next anchor: an earlier id may still be uncommitted.
 * Someone who deletes the newest rows or rewrites a whole chain in the database cannot make the digest match an
 * anchor, nor sign a new anchor without the key.
 */
@Component
public class HistoryAnchors {

	static final String ZERO = "0".repeat(64);

	private static final String VERSION = "A1";

	private final List<AnchoredTable> tables;

	private final ChainMac mac;

	private final HistoryProperties properties;

	private final Clock clock;

	public HistoryAnchors(List<AnchoredTable> tables, ChainMac mac, HistoryProperties properties, Clock clock) {
		this.tables = List.copyOf(tables);
		this.mac = mac;
		this.properties = properties;
		this.clock = clock;
	}

	/** One table's state as an anchor saw it. */
	public record Head(String table, long maxId, long count, String digest, long firstKeyedId) {
	}

	/** One line of the anchor file; a line whose signature does not fit is kept with its problem. */
	public record Anchor(int line, Instant at, List<Head> heads, String problem) {

		public Optional<Head> head(String table) {
			return heads.stream().filter(h -> h.table().equals(table)).findFirst();
		}

		public boolean valid() {
			return problem == null;
		}

	}

	public Path file() {
		return properties.anchorFile();
	}

	public synchronized List<Anchor> read() {
		Path file = properties.anchorFile();
		List<Anchor> anchors = new ArrayList<>();
		if (!Files.exists(file)) {
			return anchors;
		}
		List<String> lines;
		try {
			lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read the anchor file " + file, ex);
		}
		for (int i = 0; i < lines.size(); i++) {
			if (!lines.get(i).isBlank()) {
				anchors.add(parse(i + 1, lines.get(i)));
			}
		}
		return anchors;
	}

	/** The row from which a table's rows must be sealed with the key, as the last good anchor says; -1 unknown. */
	public long firstKeyedId(String table) {
		return lastValid(read()).flatMap(a -> a.head(table)).map(Head::firstKeyedId).orElse(-1L);
	}

	/** Anchors the rows older than the commit horizon. */
	public Anchor append(JdbcClient jdbc) {
		return append(jdbc, properties.commitHorizon());
	}

	/**
	 * Appends an anchor covering the rows up to the horizon, continued from the last good anchor; returns that
	 * last anchor unchanged when there is nothing new.
	 */
	public synchronized Anchor append(JdbcClient jdbc, Duration horizon) {
		List<Anchor> existing = read();
		Optional<Anchor> last = lastValid(existing);
		Instant dbNow = jdbc.sql("SELECT CURRENT_TIMESTAMP").query(OffsetDateTime.class).single().toInstant();
		List<Head> heads = new ArrayList<>();
		boolean changed = last.isEmpty();
		for (AnchoredTable table : tables) {
			Head previous = last.flatMap(a -> a.head(table.table()))
				.orElse(new Head(table.table(), 0, 0, ZERO, -1));
			long cutoff = cutoff(jdbc, table, previous.maxId(), dbNow.minus(horizon));
			Rolling rolling = new Rolling(previous.digest(), previous.count());
			if (cutoff > previous.maxId()) {
				scan(jdbc, table, previous.maxId(), cutoff, rolling);
				changed = true;
			}
			long firstKeyed = previous.firstKeyedId() >= 0 ? previous.firstKeyedId() : firstKeyedInDatabase(jdbc, table);
			heads.add(new Head(table.table(), Math.max(cutoff, previous.maxId()), rolling.count, rolling.digest, firstKeyed));
			changed |= last.isPresent() && last.get().head(table.table()).isEmpty();
		}
		if (!changed) {
			return last.get();
		}
		Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		String body = format(at, heads);
		ChainMac.Seal seal = mac.seal(body);
		String line = body + " " + seal.algorithm() + " " + seal.keyId() + " " + seal.mac() + "\n";
		write(line);
		return new Anchor(existing.size() + 1, at, heads, null);
	}

	/** The first row sealed with the key; before any is, every row to come will be. */
	long firstKeyedInDatabase(JdbcClient jdbc, AnchoredTable table) {
		return jdbc.sql("SELECT COALESCE(MIN(id), (SELECT COALESCE(MAX(id), 0) + 1 FROM " + table.table() + ")) FROM "
				+ table.table() + " WHERE " + table.keyedCondition()).query(Long.class).single();
	}

	/** Rows between two anchors that do not add up to the later one. */
	public record RangeBreak(long afterId, long upToId, String problem) {
	}

	/** What the rows in the database give against every good anchor. */
	public record TableCheck(String table, long rows, int anchorsMatched, List<RangeBreak> breaks) {

		public boolean intact() {
			return breaks.isEmpty();
		}

	}

	public record Verification(List<Anchor> anchors, List<String> problems, List<TableCheck> tables) {

		public Optional<Anchor> lastGood() {
			return lastValid(anchors);
		}

	}

	/** Recomputes every table's digest from its first row and compares it with each good anchor on the way. */
	public Verification verify(JdbcClient jdbc) {
		List<Anchor> anchors = read();
		List<String> problems = new ArrayList<>();
		anchors.stream().filter(a -> !a.valid()).forEach(a -> problems.add("锚点文件第 " + a.line() + " 行：" + a.problem()));
		List<Anchor> good = anchors.stream().filter(Anchor::valid).toList();
		List<TableCheck> checks = new ArrayList<>();
		for (AnchoredTable table : tables) {
			List<Head> checkpoints = good.stream().flatMap(a -> a.head(table.table()).stream()).toList();
			checks.add(verifyTable(jdbc, table, checkpoints));
		}
		return new Verification(anchors, problems, checks);
	}

	private TableCheck verifyTable(JdbcClient jdbc, AnchoredTable table, List<Head> checkpoints) {
		Rolling rolling = new Rolling(ZERO, 0);
		class Walk {
			int next;
			long lastId;
			int matched;
			final List<RangeBreak> breaks = new ArrayList<>();

			void passCheckpointsBefore(long id) {
				while (next < checkpoints.size() && id > checkpoints.get(next).maxId()) {
					compare(checkpoints.get(next++));
				}
			}

			void compare(Head anchor) {
				String problem = null;
				if (anchor.maxId() < lastId) {
					problem = "锚点倒退（行号 " + anchor.maxId() + " 小于前一个锚点的 " + lastId + "）";
				}
				else if (rolling.count != anchor.count()) {
					problem = "行号 " + anchor.maxId() + " 之前应有 " + anchor.count() + " 行，现有 " + rolling.count + " 行（锚点）";
				}
				else if (!rolling.digest.equals(anchor.digest())) {
					problem = "行号 " + anchor.maxId() + " 之前的内容与锚点不符（被改写）";
				}
				if (problem == null) {
					matched++;
				}
				else {
					breaks.add(new RangeBreak(lastId, anchor.maxId(), problem));
					// go on from what the anchor says, so each later range is judged on its own
					rolling.digest = anchor.digest();
					rolling.count = anchor.count();
				}
				lastId = Math.max(lastId, anchor.maxId());
			}
		}
		Walk walk = new Walk();
		scan(jdbc, table, 0, Long.MAX_VALUE, (id, tag) -> {
			walk.passCheckpointsBefore(id);
			rolling.add(id, tag);
		});
		walk.passCheckpointsBefore(Long.MAX_VALUE);
		return new TableCheck(table.table(), rolling.count, walk.matched, List.copyOf(walk.breaks));
	}

	/** The targets (e.g. cases) that have rows in an id range: where a broken anchor points. */
	public List<String> targetsBetween(JdbcClient jdbc, String tableName, long afterId, long upToId) {
		AnchoredTable table = tables.stream().filter(t -> t.table().equals(tableName)).findFirst().orElseThrow();
		String column = table.targetColumn() == null ? "id" : table.targetColumn();
		return jdbc.sql("SELECT DISTINCT " + column + " FROM " + table.table() + " WHERE id > ? AND id <= ? ORDER BY "
				+ column).params(afterId, upToId).query((rs, n) -> rs.getString(1)).list();
	}

	public List<AnchoredTable> tables() {
		return tables;
	}

	private interface RowSink {
		void row(long id, String tag);
	}

	private static final class Rolling implements RowSink {

		String digest;

		long count;

		Rolling(String digest, long count) {
			this.digest = digest;
			this.count = count;
		}

		@Override
		public void row(long id, String tag) {
			add(id, tag);
		}

		void add(long id, String tag) {
			digest = ChainMac.sha256(digest + "|" + id + "|" + tag);
			count++;
		}

	}

	private static long cutoff(JdbcClient jdbc, AnchoredTable table, long afterId, Instant settledBefore) {
		Long firstUnsettled = jdbc.sql("SELECT MIN(id) FROM " + table.table() + " WHERE id > ? AND recorded_at > ?")
			.params(afterId, OffsetDateTime.ofInstant(settledBefore, java.time.ZoneOffset.UTC))
			.query(Long.class)
			.optional()
			.orElse(null);
		if (firstUnsettled != null) {
			return firstUnsettled - 1;
		}
		return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM " + table.table()).query(Long.class).single();
	}

	private static void scan(JdbcClient jdbc, AnchoredTable table, long afterId, long upToId, RowSink sink) {
		String columns = String.join(", ", table.tagColumns());
		jdbc.sql("SELECT id, " + columns + " FROM " + table.table() + " WHERE id > ? AND id <= ? ORDER BY id")
			.params(afterId, upToId)
			.query((ResultSet rs) -> sink.row(rs.getLong(1), tag(rs, table.tagColumns().size())));
	}

	/** A row's tag: its columns as text (instants in UTC), hashed, so both databases give the same value. */
	private static String tag(ResultSet rs, int columns) throws SQLException {
		Object[] values = new Object[columns];
		for (int i = 0; i < columns; i++) {
			Object value = rs.getObject(i + 2);
			if (value instanceof java.sql.Timestamp || value instanceof OffsetDateTime) {
				value = rs.getObject(i + 2, OffsetDateTime.class).toInstant();
			}
			values[i] = value;
		}
		return columns == 1 && values[0] != null ? values[0].toString() : ChainMac.sha256(ChainMac.fields(values));
	}

	private static Optional<Anchor> lastValid(List<Anchor> anchors) {
		for (int i = anchors.size() - 1; i >= 0; i--) {
			if (anchors.get(i).valid()) {
				return Optional.of(anchors.get(i));
			}
		}
		return Optional.empty();
	}

	private static String format(Instant at, List<Head> heads) {
		StringBuilder body = new StringBuilder(VERSION).append(' ').append(at);
		for (Head head : heads) {
			body.append(' ').append(head.table()).append(':').append(head.maxId()).append(':').append(head.count())
				.append(':').append(head.digest()).append(':').append(head.firstKeyedId());
		}
		return body.toString();
	}

	private Anchor parse(int number, String line) {
		String[] parts = line.trim().split(" ");
		if (parts.length < 5 || !VERSION.equals(parts[0])) {
			return new Anchor(number, null, List.of(), "格式不对");
		}
		try {
			int sealAt = parts.length - 3;
			String body = String.join(" ", java.util.Arrays.copyOfRange(parts, 0, sealAt));
			ChainMac.Verdict verdict = mac.check(parts[sealAt], parts[sealAt + 1], body, parts[sealAt + 2]);
			List<Head> heads = new ArrayList<>();
			for (int i = 2; i < sealAt; i++) {
				String[] h = parts[i].split(":");
				heads.add(new Head(h[0], Long.parseLong(h[1]), Long.parseLong(h[2]), h[3], Long.parseLong(h[4])));
			}
			String problem = switch (verdict) {
				case INTACT -> null;
				case ALTERED -> "签名不符（锚点被改动）";
				case UNKNOWN_KEY -> "签名所用密钥 " + parts[sealAt + 1] + " 不在本机密钥中";
			};
			return new Anchor(number, Instant.parse(parts[1]), heads, problem);
		}
		catch (RuntimeException ex) {
			return new Anchor(number, null, List.of(), "格式不对");
		}
	}

	private void write(String line) {
		Path file = properties.anchorFile();
		try {
			Path dir = file.toAbsolutePath().getParent();
			Files.createDirectories(dir);
			try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					StandardOpenOption.APPEND)) {
				channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
				channel.force(true);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot append to the anchor file " + file, ex);
		}
	}

}
