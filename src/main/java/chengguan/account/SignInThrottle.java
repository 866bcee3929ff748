package chengguan.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import chengguan.organization.RosterService;
import chengguan.organization.StaffView;
import chengguan.platform.audit.AuditAction;
import chengguan.platform.audit.AuditLog;
import chengguan.platform.notification.Notifications;
import chengguan.platform.web.DisplayTime;

/**
 * Throttles sign-in failures per (account name, source address) and per source address, in the database so that
 * every node sees the same counts. Names that do not exist are counted exactly like names that do, so the
 * throttle's answers tell nothing about which names exist. Nothing here waits: a blocked address is told when to
 * come back (429 + Retry-After).
 */
@Service
public class SignInThrottle {

	/** The key of the counter over every name tried from an address. */
	private static final String ANY_NAME = "";

	private static final int NAME_LIMIT = 64;

	private static final int CHALLENGES_PER_ADDRESS = 4;

	private static final SecureRandom RANDOM = new SecureRandom();

	public enum Verdict {

		/** Go on and check the password. */
		ALLOW,
		/** Only with a solved CAPTCHA (the API, which cannot show one, refuses). */
		CHALLENGE,
		/** Refused unread until {@link Decision#retryAfter()}. */
		BLOCKED

	}

	public record Decision(Verdict verdict, Duration retryAfter) {

		static final Decision ALLOWED = new Decision(Verdict.ALLOW, Duration.ZERO);

		/** Whole seconds, at least one: the value of a Retry-After header. */
		public long retryAfterSeconds() {
			return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
		}

		/** Whole minutes, at least one, for people. */
		public long retryAfterMinutes() {
			return Math.max(1, (retryAfter.toSeconds() + 59) / 60);
		}

	}

	/** A CAPTCHA to show: its id goes back with the form, the picture is a PNG. */
	public record Challenge(String id, byte[] png) {

		public String dataUri() {
			return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
		}

	}

	private final JdbcClient jdbc;

	private final SignInThrottlePolicy policy;

	private final UserAccountRepository accounts;

	private final RosterService roster;

	private final Notifications notifications;

	private final AuditLog auditLog;

	private final MessageSource messages;

	private final DisplayTime displayTime;

	private final Clock clock;

	SignInThrottle(JdbcClient jdbc, SignInThrottlePolicy policy, UserAccountRepository accounts, RosterService roster,
			Notifications notifications, AuditLog auditLog, MessageSource messages, DisplayTime displayTime,
			Clock clock) {
		this.jdbc = jdbc;
		this.policy = policy;
		this.accounts = accounts;
		this.roster = roster;
		this.notifications = notifications;
		this.auditLog = auditLog;
		this.messages = messages;
		this.displayTime = displayTime;
		this.clock = clock;
	}

	/** The key a typed name is counted under: trimmed, lower case, at most 64 characters. */
	public static String normalize(String username) {
		String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
		return name.length() > NAME_LIMIT ? name.substring(0, NAME_LIMIT) : name;
	}

	/** What to do with a sign-in attempt for this name from this address, before its password is looked at. */
	@Transactional(readOnly = true)
	public Decision decide(String username, String address) {
		Instant now = clock.instant();
		String name = normalize(username);
		Decision result = Decision.ALLOWED;
		for (Counted counted : counters(address, name)) {
			FailureCounter counter = counted.counter().at(now, policy.window());
			SignInThrottlePolicy.Threshold threshold = threshold(counted.username());
			if (counter.blockedAt(now)) {
				Duration retry = counter.retryAfter(now, policy.window());
				if (result.verdict() != Verdict.BLOCKED || retry.compareTo(result.retryAfter()) > 0) {
					result = new Decision(Verdict.BLOCKED, retry);
				}
			}
			else if (result.verdict() != Verdict.BLOCKED && counter.failures() >= threshold.captchaAfter()) {
				Duration retry = counter.retryAfter(now, policy.window());
				if (result.verdict() == Verdict.ALLOW || retry.compareTo(result.retryAfter()) > 0) {
					result = new Decision(Verdict.CHALLENGE, retry);
				}
			}
		}
		return result;
	}

	/**
	 * Whether the sign-in page should show a CAPTCHA to this address: some name tried from it (any name: the page
	 * does not know which one will be typed) has reached the CAPTCHA threshold.
	 */
	@Transactional(readOnly = true)
	public boolean challengeDue(String address) {
		Instant now = clock.instant();
		return jdbc.sql("SELECT username, failures, blocks, last_failure_at, blocked_until FROM sign_in_failure WHERE client_ip = ?")
			.param(address)
			.query(SignInThrottle::counted)
			.list()
			.stream()
			.anyMatch(c -> c.counter().challengeAt(now, policy.window(), threshold(c.username())));
	}

	/** A new CAPTCHA for this address; only the last few of an address stay valid, so none pile up. */
	@Transactional
	public Challenge newChallenge(String address) {
		CaptchaImage.Puzzle puzzle = CaptchaImage.newPuzzle();
		byte[] id = new byte[16];
		RANDOM.nextBytes(id);
		String challengeId = HexFormat.of().formatHex(id);
		Instant now = clock.instant();
		jdbc.sql("""
				DELETE FROM sign_in_challenge WHERE client_ip = ? AND id NOT IN (
				    SELECT id FROM sign_in_challenge WHERE client_ip = ? AND expires_at > ?
				    ORDER BY expires_at DESC LIMIT ?)""")
			.params(address, address, Timestamp.from(now), CHALLENGES_PER_ADDRESS - 1)
			.update();
		jdbc.sql("INSERT INTO sign_in_challenge (id, client_ip, answer_hash, expires_at) VALUES (?, ?, ?, ?)")
			.params(challengeId, address, answerHash(challengeId, puzzle.answer()),
					Timestamp.from(now.plus(policy.challengeLifetime())))
			.update();
		return new Challenge(challengeId, CaptchaImage.png(puzzle.question()));
	}

	/** Whether this is the right answer to a live challenge given to this address; it is used up either way. */
	@Transactional
	public boolean solve(String challengeId, String answer, String address) {
		if (challengeId == null || answer == null || challengeId.length() > 32) {
			return false;
		}
		List<String> hashes = jdbc.sql("SELECT answer_hash FROM sign_in_challenge WHERE id = ? AND client_ip = ? AND expires_at > ?")
			.params(challengeId, address, Timestamp.from(clock.instant()))
			.query(String.class)
			.list();
		// only the address it was given to can use it up (an id seen elsewhere cannot spoil a colleague's)
		int deleted = jdbc.sql("DELETE FROM sign_in_challenge WHERE id = ? AND client_ip = ?")
			.params(challengeId, address)
			.update();
		// only the request that deleted it may use it: two requests racing with one solved challenge get one try
		return deleted == 1 && !hashes.isEmpty()
				&& MessageDigest.isEqual(hashes.get(0).getBytes(StandardCharsets.US_ASCII),
						answerHash(challengeId, answer.strip()).getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * Counts a failed sign-in (wrong password, unknown name, or a CAPTCHA not solved) against the name from this
	 * address and against the address. A block imposed on a real account's name is told to its holder.
	 */
	@Transactional
	public void failed(String username, String address) {
		Instant now = clock.instant();
		String name = normalize(username);
		if (!name.isEmpty() && count(address, name, policy.perAccountAndAddress(), now)) {
			FailureCounter perName = counters(address, name).stream()
				.filter(c -> c.username().equals(name))
				.findFirst()
				.orElseThrow()
				.counter();
			blocked(name, address, perName.blockedUntil());
		}
		if (count(address, ANY_NAME, policy.perAddress(), now)) {
			auditLog.recordIndependently(null, address, AuditAction.SIGN_IN_BLOCKED, "address", address,
					"every name from this address");
		}
	}

	/** The right password from this address: the name's failures from here are forgotten (the address's are not). */
	@Transactional
	public void succeeded(String username, String address) {
		jdbc.sql("DELETE FROM sign_in_failure WHERE client_ip = ? AND username = ?")
			.params(address, normalize(username))
			.update();
	}

	/**
	 * An administrator's unlock: forgets every failure counted against this name, and the counts over all names of
	 * the addresses it was failing from (its holder's own office would otherwise still ask for a CAPTCHA).
	 *
	 * @return from how many addresses the name had failures
	 */
	@Transactional
	public int clear(String username) {
		String name = normalize(username);
		if (name.isEmpty()) {
			return 0;
		}
		jdbc.sql("""
				DELETE FROM sign_in_failure WHERE username = ? AND client_ip IN (
				    SELECT client_ip FROM sign_in_failure WHERE username = ?)""")
			.params(ANY_NAME, name)
			.update();
		return jdbc.sql("DELETE FROM sign_in_failure WHERE username = ?").param(name).update();
	}

	/** The end of the longest block on this name from any address, or null. */
	@Transactional(readOnly = true)
	public Instant blockedUntil(String username) {
		return jdbc.sql("SELECT MAX(blocked_until) FROM sign_in_failure WHERE username = ? AND blocked_until > ?")
			.params(normalize(username), Timestamp.from(clock.instant()))
			.query((rs, row) -> instant(rs.getTimestamp(1)))
			.optional()
			.orElse(null);
	}

	/** Counters and challenges that can no longer matter; idempotent, so every node may run it. */
	@Scheduled(fixedDelayString = "PT30M", initialDelayString = "PT5M")
	@Transactional
	public void removeStale() {
		Instant now = clock.instant();
		Timestamp forgotten = Timestamp.from(now.minus(policy.window()));
		jdbc.sql("""
				DELETE FROM sign_in_failure WHERE last_failure_at < ?
				AND (blocked_until IS NULL OR blocked_until < ?)""")
			.params(forgotten, forgotten)
			.update();
		jdbc.sql("DELETE FROM sign_in_challenge WHERE expires_at < ?").param(Timestamp.from(now)).update();
	}

	/** @return whether this failure blocked the address (for this name, or for every name) */
	private boolean count(String address, String name, SignInThrottlePolicy.Threshold threshold, Instant now) {
		// the row exists (or is created) first, then is read under a lock: two nodes counting at once both count
		jdbc.sql("""
				INSERT INTO sign_in_failure (client_ip, username, failures, blocks, last_failure_at)
				VALUES (?, ?, 0, 0, ?) ON CONFLICT DO NOTHING""")
			.params(address, name, Timestamp.from(now))
			.update();
		FailureCounter before = jdbc.sql("""
				SELECT username, failures, blocks, last_failure_at, blocked_until FROM sign_in_failure
				WHERE client_ip = ? AND username = ? FOR UPDATE""")
			.params(address, name)
			.query(SignInThrottle::counted)
			.single()
			.counter();
		FailureCounter after = before.fail(now, threshold, policy);
		jdbc.sql("""
				UPDATE sign_in_failure SET failures = ?, blocks = ?, last_failure_at = ?, blocked_until = ?
				WHERE client_ip = ? AND username = ?""")
			.params(after.failures(), after.blocks(), Timestamp.from(after.lastFailureAt()),
					after.blockedUntil() == null ? null : Timestamp.from(after.blockedUntil()), address, name)
			.update();
		return after.blocks() > before.at(now, policy.window()).blocks();
	}

	/** Audited, and told to the account's holder by SMS when their staff record has a phone. */
	private void blocked(String name, String address, Instant until) {
		auditLog.recordIndependently(name, address, AuditAction.SIGN_IN_BLOCKED, "user", name,
				"address=" + address + " until=" + until);
		accounts.findByUsername(name)
			.map(UserAccount::staffId)
			.flatMap(roster::findStaff)
			.map(StaffView::phone)
			.filter(phone -> phone != null && !phone.isBlank())
			.ifPresent(phone -> notifications.enqueue(Notifications.SMS, phone,
					messages.getMessage("signIn.blockedNotice",
							new Object[] { name, address, displayTime.format(until) }, Locale.SIMPLIFIED_CHINESE)));
	}

	private List<Counted> counters(String address, String name) {
		return jdbc.sql("""
				SELECT username, failures, blocks, last_failure_at, blocked_until FROM sign_in_failure
				WHERE client_ip = ? AND username IN (?, ?)""")
			.params(address, ANY_NAME, name)
			.query(SignInThrottle::counted)
			.list();
	}

	private SignInThrottlePolicy.Threshold threshold(String username) {
		return ANY_NAME.equals(username) ? policy.perAddress() : policy.perAccountAndAddress();
	}

	private record Counted(String username, FailureCounter counter) {
	}

	private static Counted counted(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Counted(rs.getString("username"), new FailureCounter(rs.getInt("failures"), rs.getInt("blocks"),
				instant(rs.getTimestamp("last_failure_at")), instant(rs.getTimestamp("blocked_until"))));
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	private static String answerHash(String challengeId, String answer) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(sha.digest((challengeId + ":" + answer).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
