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
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The append-only history of each case. Every entry's hash covers its own content and the previous entry's hash,
 * so changing, removing or reordering an entry breaks every hash after it, which {@link #verify} finds.
 */
@Component
public class CaseHistory {

	static final String GENESIS = "0".repeat(64);

	private final JdbcClient jdbc;

	CaseHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
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
		String hash = hash(last.hash(), caseId, seq, stored, actor, action, from, to, note, photos);
		jdbc.sql("""
				INSERT INTO case_history (case_id, seq, occurred_at, actor, action, from_state, to_state, note, photo_ids,
				    prev_hash, hash)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(caseId, seq, OffsetDateTime.ofInstant(stored, ZoneOffset.UTC), actor, action,
					from == null ? null : from.name(), to.name(), note, photos, last.hash(), hash)
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
		List<Break> breaks = new ArrayList<>();
		for (long caseId : jdbc.sql("SELECT id FROM case_file ORDER BY id").query(Long.class).list()) {
			String previous = GENESIS;
			int expectedSeq = 1;
			List<Entry> chain = entries(caseId);
			if (chain.isEmpty()) {
				breaks.add(new Break(caseId, 1, "no history at all"));
				continue;
			}
			for (Entry entry : chain) {
				if (entry.seq() != expectedSeq) {
					breaks.add(new Break(caseId, entry.seq(), "missing entry " + expectedSeq));
					break;
				}
				if (!entry.prevHash().equals(previous)) {
					breaks.add(new Break(caseId, entry.seq(), "does not follow the entry before it"));
					break;
				}
				String recomputed = hash(previous, caseId, entry.seq(), entry.occurredAt(), entry.actor(),
						entry.action(), entry.fromState(), entry.toState(), entry.note(),
						entry.photoIds().isEmpty() ? null : String.join(",", entry.photoIds()));
				if (!recomputed.equals(entry.hash())) {
					breaks.add(new Break(caseId, entry.seq(), "content changed after it was written"));
					break;
				}
				previous = entry.hash();
				expectedSeq++;
			}
			String current = jdbc.sql("SELECT state FROM case_file WHERE id = ?").param(caseId).query(String.class).single();
			List<Entry> all = entries(caseId);
			if (!all.isEmpty() && !all.get(all.size() - 1).toState().name().equals(current)
					&& breaks.stream().noneMatch(b -> b.caseId() == caseId)) {
				breaks.add(new Break(caseId, all.size(), "the case's state is not where its history ends"));
			}
		}
		return breaks;
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
