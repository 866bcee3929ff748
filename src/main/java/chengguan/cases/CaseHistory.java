package chengguan.cases;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import chengguan.platform.history.AnchoredTable;
import chengguan.platform.history.ChainMac;
import chengguan.platform.history.ChainVerifier;
import chengguan.platform.history.Finding;
import chengguan.platform.history.HistoryAnchors;
import chengguan.platform.persistence.DbTime;

/**
 * The append-only history of each case. Every entry's MAC (keyed, the key outside the database) covers its own
 * content, its note's hash and the previous entry's MAC, so changing, removing or reordering an entry breaks the
 * chain, which {@link #verify} finds; the anchors catch a removed tail. Entries written before the key existed keep
 * their plain SHA-256 and are checked as they were.
 */
@Component
public class CaseHistory implements ChainVerifier {

	static final String GENESIS = "0".repeat(64);

	static final String TABLE = "case_history";

	private final JdbcClient jdbc;

	private final ChainMac mac;

	private final HistoryAnchors anchors;

	CaseHistory(JdbcClient jdbc, ChainMac mac, HistoryAnchors anchors) {
		this.jdbc = jdbc;
		this.mac = mac;
		this.anchors = anchors;
	}

	/** One step of a case's history as the detail page shows it. */
	public record Entry(int seq, Instant occurredAt, String actor, String action, CaseState fromState,
			CaseState toState, String note, List<String> photoIds, String prevHash, String hash) {
	}

	void append(long caseId, Instant at, String actor, String action, CaseState from, CaseState to, String note) {
		append(caseId, at, actor, action, from, to, note, List.of());
	}

	/** Appends an entry; photo ids are covered by the hash like everything else in it. */
	void append(long caseId, Instant at, String actor, String action, CaseState from, CaseState to, String note,
			List<String> photoIds) {
		// one writer per case at a time, so two entries never get the same number or the same predecessor
		jdbc.sql("SELECT id FROM case_file WHERE id = ? FOR UPDATE").param(caseId).query(Long.class).single();
		Last last = jdbc.sql("SELECT seq, hash FROM case_history WHERE case_id = ? ORDER BY seq DESC LIMIT 1")
			.param(caseId)
			.query((rs, n) -> new Last(rs.getInt(1), rs.getString(2)))
			.optional()
			.orElse(new Last(0, GENESIS));
		write(caseId, last, at, actor, action, from, to, note, photoIds);
	}

	private record Last(int seq, String hash) {
	}

	/**
	 * The first entry of a case inserted in the same transaction: nobody else sees the case before it commits and
	 * nothing precedes the entry, so neither the lock nor the look-up of the last entry is needed (one statement
	 * of the report's budget instead of three).
	 */
	void appendFirst(long caseId, Instant at, String actor, String action, CaseState to, String note) {
		write(caseId, new Last(0, GENESIS), at, actor, action, null, to, note, List.of());
	}

	private void write(long caseId, Last last, Instant at, String actor, String action, CaseState from, CaseState to,
			String note, List<String> photoIds) {
		// microseconds: what both databases keep, so the hash computed now matches the one recomputed later
		Instant stored = at.truncatedTo(ChronoUnit.MICROS);
		int seq = last.seq() + 1;
		String photos = photoIds.isEmpty() ? null : String.join(",", photoIds);
		String noteHash = note == null ? null : ChainMac.sha256(note);
		ChainMac.Seal seal = mac.seal(sealed(last.hash(), caseId, seq, stored, actor, action, from, to, noteHash, photos));
		jdbc.sql("""
				INSERT INTO case_history (case_id, seq, occurred_at, actor, action, from_state, to_state, note, photo_ids,
				    prev_hash, hash, mac_alg, key_id, note_hash)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(caseId, seq, OffsetDateTime.ofInstant(stored, ZoneOffset.UTC), actor, action,
					from == null ? null : from.name(), to.name(), note, photos, last.hash(), seal.mac(), seal.algorithm(),
					seal.keyId(), noteHash)
			.update();
	}

	public List<Entry> entries(long caseId) {
		return jdbc.sql("""
				SELECT seq, occurred_at, actor, action, from_state, to_state, note, photo_ids, prev_hash, hash
				FROM case_history WHERE case_id = ? ORDER BY seq""")
			.param(caseId)
			.query((rs, n) -> new Entry(rs.getInt(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
					rs.getString(3), rs.getString(4),
					rs.getString(5) == null ? null : CaseState.valueOf(rs.getString(5)),
					CaseState.valueOf(rs.getString(6)), rs.getString(7),
					rs.getString(8) == null ? List.of() : List.of(rs.getString(8).split(",")), rs.getString(9),
					rs.getString(10)))
			.list();
	}

	/** A case whose history does not add up, and the first entry where it stops adding up. */
	public record Break(long caseId, int seq, String reason) {
	}

	/** Recomputes every chain; an empty list means no history was edited. */
	public List<Break> verify() {
		return check(anchors.firstKeyedId(TABLE)).breaks();
	}

	@Override
	public String table() {
		return TABLE;
	}

	@Override
	public Report verify(long firstKeyedId) {
		Checked checked = check(firstKeyedId);
		return new Report(checked.rows(), checked.cases(), checked.breaks().stream()
			.map(b -> new Finding("case", Long.toString(b.caseId()), "entry " + b.seq() + ": " + b.reason()))
			.toList());
	}

	private record Checked(long cases, long rows, List<Break> breaks) {
	}

	private record Row(long id, long caseId, int seq, Instant at, String actor, String action, String from, String to,
			String note, String photos, String prevHash, String hash, String algorithm, String keyId, String noteHash) {
	}

	/**
	 * One pass over all entries in case order (one query, not one per case).
	 * @param firstKeyedId entries from this id on must carry a MAC; -1 when no anchor says, then the first sealed
	 *                     entry in the database marks the switch
	 */
	private Checked check(long firstKeyedId) {
		long boundary = firstKeyedId >= 0 ? firstKeyedId
				: jdbc.sql("SELECT COALESCE(MIN(id), " + Long.MAX_VALUE + ") FROM case_history WHERE mac_alg <> ?")
					.param(ChainMac.LEGACY).query(Long.class).single();
		Map<Long, String> states = new LinkedHashMap<>();
		jdbc.sql("SELECT id, state FROM case_file ORDER BY id")
			.query((java.sql.ResultSet rs) -> {
				states.put(rs.getLong(1), rs.getString(2));
			});
		List<Break> breaks = new ArrayList<>();
		Map<Long, Row> lastOfCase = new HashMap<>();
		Set<Long> broken = new HashSet<>();
		long[] rows = { 0 };
		jdbc.sql("""
				SELECT id, case_id, seq, occurred_at, actor, action, from_state, to_state, note, photo_ids, prev_hash, hash,
				    mac_alg, key_id, note_hash
				FROM case_history ORDER BY case_id, seq""")
			.query((java.sql.ResultSet rs) -> {
				rows[0]++;
				Row row = new Row(rs.getLong(1), rs.getLong(2), rs.getInt(3), DbTime.instant(rs, 4), rs.getString(5),
						rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
						rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15));
				Row previous = lastOfCase.put(row.caseId(), row);
				if (broken.contains(row.caseId())) {
					return;
				}
				String reason = reasonToDoubt(row, previous, boundary);
				if (reason != null) {
					broken.add(row.caseId());
					breaks.add(new Break(row.caseId(), row.seq(), reason));
				}
			});
		for (Map.Entry<Long, String> kase : states.entrySet()) {
			Row last = lastOfCase.get(kase.getKey());
			if (last == null) {
				breaks.add(new Break(kase.getKey(), 1, "no history at all"));
			}
			else if (!broken.contains(kase.getKey()) && !last.to().equals(kase.getValue())) {
				breaks.add(new Break(kase.getKey(), last.seq(), "the case's state is not where its history ends"));
			}
		}
		breaks.sort(java.util.Comparator.comparingLong(Break::caseId));
		return new Checked(states.size(), rows[0], breaks);
	}

	private String reasonToDoubt(Row row, Row previous, long firstKeyedId) {
		int expectedSeq = previous == null ? 1 : previous.seq() + 1;
		if (row.seq() != expectedSeq) {
			return "missing entry " + expectedSeq;
		}
		if (!row.prevHash().equals(previous == null ? GENESIS : previous.hash())) {
			return "does not follow the entry before it";
		}
		CaseState from = row.from() == null ? null : CaseState.valueOf(row.from());
		CaseState to = CaseState.valueOf(row.to());
		if (ChainMac.LEGACY.equals(row.algorithm())) {
			if (row.id() >= firstKeyedId) {
				return "written without the key after the key was introduced";
			}
			String recomputed = hash(row.prevHash(), row.caseId(), row.seq(), row.at(), row.actor(), row.action(), from,
					to, row.note(), row.photos());
			return recomputed.equals(row.hash()) ? null : "content changed after it was written";
		}
		// a note removed for a data request keeps its hash; any other change to it shows
		if (row.note() != null && !ChainMac.sha256(row.note()).equals(row.noteHash())) {
			return "content changed after it was written";
		}
		return switch (mac.check(row.algorithm(), row.keyId(), sealed(row.prevHash(), row.caseId(), row.seq(), row.at(),
				row.actor(), row.action(), from, to, row.noteHash(), row.photos()), row.hash())) {
			case INTACT -> null;
			case ALTERED -> "content changed after it was written";
			case UNKNOWN_KEY -> "sealed with a key this installation does not have: " + row.keyId();
		};
	}

	/** What an entry's MAC covers: the note only by its hash. */
	private static String sealed(String previous, long caseId, int seq, Instant at, String actor, String action,
			CaseState from, CaseState to, String noteHash, String photoIds) {
		return ChainMac.fields(previous, caseId, seq, at, actor, action, from == null ? "" : from.name(), to.name(),
				noteHash, photoIds);
	}

	/** Anchors cover each entry's MAC (or, for entries from before the key, its hash). */
	@Bean
	static AnchoredTable caseHistoryAnchoring() {
		return new AnchoredTable(TABLE, "case", "case_id", List.of("hash"), "mac_alg <> 'SHA-256'");
	}

	static String hash(String previous, long caseId, int seq, Instant at, String actor, String action,
			CaseState from, CaseState to, String note, String photoIds) {
		String content = String.join("\u001f", previous, Long.toString(caseId), Integer.toString(seq), at.toString(),
				actor, action, from == null ? "" : from.name(), to.name(), note == null ? "" : note,
				photoIds == null ? "" : photoIds);
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(sha256.digest(content.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
