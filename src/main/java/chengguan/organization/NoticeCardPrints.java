package chengguan.organization;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Service;

import chengguan.platform.ratelimit.RateLimit;
import chengguan.platform.ratelimit.RateLimiter;
import chengguan.platform.storage.StoredFile;
import chengguan.platform.web.TooManyRequestsException;

/**
 * The A4 notice cards as files, each built once per content version and then served from memory.
 * <p>
 * A card is public and anyone may ask for it as often as they like; building one parses images and draws the QR code
 * (tens of milliseconds and a few MB of heap). The version is a hash of everything printed — the people, their
 * phones, duties and photos, the supervision phone and the address in the QR code — so a node never serves a card
 * older than the database, whichever node built it; several nodes each keep their own copies. The cache is bounded by
 * bytes and forgets the least recently used cards. Building is rate-limited per client address, so nobody can make
 * the platform build cards faster than the limit even while the cache is cold.
 */
@Service
public class NoticeCardPrints {

	/** Bumped when the layout of {@link NoticeCardPdf} changes, so that cached cards are rebuilt. */
	private static final String LAYOUT = "card-layout-1";

	static final long MAX_CACHED_BYTES = 16L * 1024 * 1024;

	/** A person prints their community's card a few times; a crawler walking every community is slowed down. */
	static final RateLimit BUILDS_PER_ADDRESS = new RateLimit(30, Duration.ofMinutes(1));

	public record Printed(String version, byte[] pdf) {
	}

	private final NoticeCardPdf pdf;

	private final NoticeCardService cards;

	private final RateLimiter rateLimiter;

	private final Map<String, byte[]> cached = new LinkedHashMap<>(64, 0.75f, true);

	private long cachedBytes;

	/** One build per version at a time: the other requests for it wait for that build instead of repeating it. */
	private final Map<String, CompletableFuture<byte[]>> building = new ConcurrentHashMap<>();

	private final AtomicLong builds = new AtomicLong();

	NoticeCardPrints(NoticeCardPdf pdf, NoticeCardService cards, RateLimiter rateLimiter) {
		this.pdf = pdf;
		this.cards = cards;
		this.rateLimiter = rateLimiter;
	}

	/** The version a card would be printed in, without building it (for If-None-Match). */
	public String version(NoticeCard card, String reportUrl) {
		String printed = LAYOUT + '\0' + card.contentVersion() + '\0' + reportUrl;
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(printed.getBytes(StandardCharsets.UTF_8)), 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	/**
	 * The card as PDF, built only if this version is not in memory yet.
	 * @param clientAddress whose request builds the card, for the rate limit
	 * @throws TooManyRequestsException when this address has built too many cards lately
	 */
	public Printed print(NoticeCard card, String reportUrl, String clientAddress) {
		String version = version(card, reportUrl);
		byte[] hit = cachedCard(version);
		if (hit != null) {
			return new Printed(version, hit);
		}
		CompletableFuture<byte[]> mine = new CompletableFuture<>();
		CompletableFuture<byte[]> theirs = building.putIfAbsent(version, mine);
		if (theirs != null) {
			return new Printed(version, theirs.join());
		}
		try {
			Duration wait = rateLimiter.tryConsume("card-pdf:ip:" + clientAddress, BUILDS_PER_ADDRESS);
			if (!wait.isZero()) {
				throw new TooManyRequestsException(wait);
			}
			byte[] built = build(card, reportUrl);
			remember(version, built);
			mine.complete(built);
			return new Printed(version, built);
		}
		catch (RuntimeException ex) {
			mine.completeExceptionally(ex);
			throw ex;
		}
		finally {
			building.remove(version, mine);
		}
	}

	/** How many cards this node has built since it started (tests prove that a version is built once). */
	public long builds() {
		return builds.get();
	}

	private byte[] build(NoticeCard card, String reportUrl) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
		try {
			pdf.write(card, reportUrl, staffId -> cards.photoOnCard(staffId).map(StoredFile::content).orElse(null),
					out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		builds.incrementAndGet();
		return out.toByteArray();
	}

	private synchronized byte[] cachedCard(String version) {
		return cached.get(version);
	}

	private synchronized void remember(String version, byte[] built) {
		if (built.length > MAX_CACHED_BYTES / 4) {
			return;
		}
		byte[] previous = cached.put(version, built);
		cachedBytes += built.length - (previous == null ? 0 : previous.length);
		Iterator<byte[]> oldestFirst = cached.values().iterator();
		while (cachedBytes > MAX_CACHED_BYTES && oldestFirst.hasNext()) {
			cachedBytes -= oldestFirst.next().length;
			oldestFirst.remove();
		}
	}

}
